using System;
using System.Collections.Generic;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// A TorchSharp module whose forward pass may use the variable store: authors override
/// <see cref="Forward"/> and mark the override <see cref="TrackVariablesAttribute"/> when it calls
/// <c>GetVariable</c>, compat layers or variable scopes. The first call creates the variables and
/// registers them on this module (trainable ones as parameters, the rest as buffers) under their
/// TF names, such as <c>net/dense/kernel</c>; every later call reuses them.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Call"/>, TorchSharp's <c>call</c> and <c>forward</c> all run the tracked forward pass.
/// Because the variables exist only after the first call, build an optimizer, load weights or read
/// <c>parameters()</c> / <c>state_dict()</c> after calling the module once; before that those
/// members throw an <see cref="InvalidOperationException"/> that says so.
/// </para>
/// <para>
/// Unlike TorchSharp's own layers, a Parity module starts in evaluation mode, as TF1 layers default to
/// <c>training=False</c>; call <c>train()</c> (or pass <c>training</c> to <see cref="Call"/>) to train.
/// Sublayers and variables held in fields, arrays, lists and dictionaries are registered at the first
/// call (TorchSharp's <c>RegisterComponents</c> plus the collections it skips).
/// </para>
/// </remarks>
/// <typeparam name="TIn">The input type (a tensor, a tuple, a record...).</typeparam>
/// <typeparam name="TOut">The output type; tensors reachable from it survive the call (see <see cref="Call"/>).</typeparam>
[CreatesLayer]
[RegistersComponents]
public abstract partial class Module<TIn, TOut> : nn.Module<TIn, TOut>, IParityModule
{
    // The mode a Call(input, training) asked for, handed through TorchSharp's call() (which runs the
    // hooks) to forward().
    private static readonly AsyncLocal<bool?> RequestedTraining = new();

    private readonly object storeGate = new();
    private readonly object callGate = new();
    private readonly string? label;
    private VariableStore? store;
    private ScopeState? rootScopes;
    private TrackingMode tracking;

    /// <summary>Creates the module, in evaluation mode.</summary>
    /// <param name="name">A label for messages and reports; the type name when null.</param>
    protected Module(string? name = null)
        : base(name ?? "ParityModule")
    {
        label = name;
        eval();
    }

    /// <summary>A label for messages and reports: the name given to the constructor, else the type name.</summary>
    public virtual string Name => label ?? GetType().Name;

    /// <summary>
    /// Whether the module runs in training mode. Inside a call this is the mode of that call; outside,
    /// TorchSharp's <c>training</c>. Setting it is <c>train(value)</c>.
    /// </summary>
    public bool Training
    {
        get => CallFrame.Current is { } frame && ReferenceEquals(frame.Module, this) ? frame.Training : training;
        set => train(value);
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

    /// <summary>Whether the variables exist: for a tracked module, after its first call.</summary>
    private protected virtual bool IsBuilt => store is not null || !IsTracked;

    VariableStore? IParityModule.Store => store;

    IEnumerable<Variable> IParityModule.OwnVariables => OwnVariables;

    bool IParityModule.IsBuilt => IsBuilt;

    private bool IsTracked
    {
        get
        {
            if (tracking == TrackingMode.Unknown)
            {
                tracking = TrackingCache.IsTracked(GetType(), typeof(Module<TIn, TOut>)) ? TrackingMode.Tracked : TrackingMode.Untracked;
            }

            return tracking == TrackingMode.Tracked;
        }
    }

    /// <summary>
    /// Runs the forward pass through TorchSharp's <c>call</c> (so hooks run). A tracked forward pass
    /// runs with this module's store (created on the first call) and the caller's scope stack; every
    /// tensor it creates is freed when it returns, except those reachable from the result: a tensor,
    /// tuples, enumerables and dictionaries of tensors, or an <see cref="ITensorContainer"/>.
    /// Outermost calls of one instance from several threads run one at a time; different instances
    /// run in parallel.
    /// </summary>
    /// <param name="input">The input.</param>
    /// <param name="training">The mode of this call; <see langword="null"/> takes the enclosing call's mode, else <see cref="Training"/>.</param>
    /// <returns>What <see cref="Forward"/> returned.</returns>
    public TOut Call(TIn input, bool? training = null)
    {
        if (training is null)
        {
            return call(input);
        }

        var previous = RequestedTraining.Value;
        RequestedTraining.Value = training;
        try
        {
            return call(input);
        }
        finally
        {
            RequestedTraining.Value = previous;
        }
    }

    /// <summary>Runs the tracked forward pass, as <see cref="Call"/> does but without hooks (TorchSharp's convention).</summary>
    /// <param name="input">The input.</param>
    /// <returns>What <see cref="Forward"/> returned.</returns>
    public sealed override TOut forward(TIn input)
    {
        var requested = RequestedTraining.Value;
        RequestedTraining.Value = null;
        var outer = CallFrame.Current;
        var isTraining = requested ?? outer?.Training ?? training;

        CallFrame frame;
        if (IsTracked)
        {
            frame = new CallFrame(this, OwnStore(), outer?.Scopes ?? OwnScopes(), isTraining);
        }
        else
        {
            // An untracked module runs inside whatever store its caller has, as TF's dynamic store context
            // does; at the top it still gets scope state, which names the native layers it builds.
            frame = new CallFrame(this, outer?.Store, outer is null ? OwnScopes() : outer.Scopes, isTraining);
        }

        if (outer is not null)
        {
            return Run(input, frame, outer);
        }

        // The outermost call owns the module's scope counters: concurrent outermost calls of one
        // instance take turns instead of interleaving on them.
        lock (callGate)
        {
            return Run(input, frame, outer);
        }
    }

    /// <inheritdoc/>
    public override string GetName() => Name;

    /// <summary>
    /// The forward pass. Mark the override <see cref="TrackVariablesAttribute"/> to use the variable
    /// store in it. Call the module through <see cref="Call"/> or <c>call</c>, not this method.
    /// </summary>
    /// <param name="input">The input.</param>
    /// <returns>The output.</returns>
    [ForwardPass]
    protected abstract TOut Forward(TIn input);

    private TOut Run(TIn input, CallFrame frame, CallFrame? outer)
    {
        RegisterFields();
        if (IsTracked)
        {
            // Each call is a run of this module's store: a name may be requested once per call unless its scope reuses.
            frame.Store!.BeginRun();
        }

        var scopes = frame.Scopes;
        var depth = scopes?.Depth ?? 0;
        CallFrame.Current = frame;
        try
        {
            using var intermediates = torch.NewDisposeScope();
            var result = Forward(input);
            if (ResultKeeper.MoveOut(result) && outer is null)
            {
                GraphPressure.AfterTopLevelCall(intermediates.DisposablesCount);
            }

            return result;
        }
        finally
        {
            scopes?.TruncateTo(depth);
            CallFrame.Current = outer;
        }
    }

    /// <summary>The store of this instance, created on the first tracked call; what it creates is registered here.</summary>
    private VariableStore OwnStore()
    {
        if (store is { } existing)
        {
            return existing;
        }

        lock (storeGate)
        {
            return store ??= new VariableStore(legacy: false, owner: this);
        }
    }

    /// <summary>The scope counters this module uses when it is the outermost call; they live as long as the module.</summary>
    private ScopeState OwnScopes()
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

    private enum TrackingMode : byte
    {
        Unknown,
        Untracked,
        Tracked,
    }
}
