using System.Collections.Generic;
using Parity.Torch;

namespace Parity;

/// <summary>
/// A model or layer that owns variables: its own, those of the sublayers it holds in fields, and,
/// when its forward pass is marked <see cref="TrackVariablesAttribute"/>, those created through the
/// variable store during its calls.
/// </summary>
/// <remarks>Derive from <see cref="Module{TIn, TOut}"/>; this base holds what does not depend on the input and output types.</remarks>
[CreatesLayer]
public abstract class Module
{
    private readonly object storeGate = new();
    private readonly object callGate = new();
    private bool defaultTraining;
    private VariableStore? store;
    private ScopeState? rootScopes;
    private readonly string? name;

    /// <summary>Only <see cref="Module{TIn, TOut}"/> derives from this class.</summary>
    /// <param name="name">A label for messages and reports; the type name when null.</param>
    private protected Module(string? name) => this.name = name;

    /// <summary>A label for messages and reports: the name given to the constructor, else the type name.</summary>
    public virtual string Name => name ?? GetType().Name;

    /// <summary>
    /// Whether the module runs in training mode. Inside a call this is the mode of that call; set it
    /// to choose the mode of later calls that do not say (false, inference, until set).
    /// </summary>
    public bool Training
    {
        get => CallFrame.Current is { } frame && ReferenceEquals(frame.Module, this) ? frame.Training : defaultTraining;
        set => defaultTraining = value;
    }

    /// <summary>Every variable of the module and its sublayers, each once: own weights, sublayers held in fields, then variables and layers created through its store.</summary>
    public IReadOnlyList<Variable> Variables => VariableCollector.Collect(this, trainable: null);

    /// <summary>The <see cref="Variables"/> that are trained.</summary>
    public IReadOnlyList<Variable> TrainableVariables => VariableCollector.Collect(this, trainable: true);

    /// <summary>The <see cref="Variables"/> that are not trained (for example batch-norm moving statistics).</summary>
    public IReadOnlyList<Variable> NonTrainableVariables => VariableCollector.Collect(this, trainable: false);

    /// <summary>
    /// One regularization loss per regularized variable of <see cref="Variables"/>, computed from the
    /// variables' current values each time it is read.
    /// </summary>
    /// <remarks>The tensors belong to the caller (or to the active dispose scope).</remarks>
    public IReadOnlyList<Tensor> Losses
    {
        get
        {
            var losses = new List<Tensor>();
            foreach (var variable in Variables)
            {
                if (variable.RegularizationLoss() is { } loss)
                {
                    losses.Add(loss);
                }
            }

            return losses;
        }
    }

    /// <summary>
    /// Weights the module holds itself rather than through fields or its store (native layers
    /// return the weights they built). Empty by default.
    /// </summary>
    protected internal virtual IEnumerable<Variable> OwnVariables => [];

    /// <summary>Held by an outermost call of this instance for its duration.</summary>
    internal object CallGate => callGate;

    /// <summary>The module's store, or <see langword="null"/> before its first tracked call.</summary>
    internal VariableStore? Store => store;

    /// <summary>The store of this instance, created on the first tracked call.</summary>
    internal VariableStore OwnStore()
    {
        if (store is { } existing)
        {
            return existing;
        }

        lock (storeGate)
        {
            return store ??= new VariableStore(legacy: false);
        }
    }

    /// <summary>The scope counters this module uses when it is the outermost call; they live as long as the module.</summary>
    internal ScopeState OwnScopes()
    {
        if (rootScopes is { } existing)
        {
            return existing;
        }

        lock (storeGate)
        {
            return rootScopes ??= new ScopeState();
        }
    }
}
