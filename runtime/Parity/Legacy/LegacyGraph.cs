using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity;

/// <summary>
/// The TF1 side of an equivalence test: runs functional scoped-variable code against one standalone
/// store with global collections, as building a TF1 graph did.
/// </summary>
/// <remarks>
/// Each <see cref="Run{T}(Func{T}, bool)"/> is one pass of the graph-building code: name counters
/// start fresh, so a second run gets the same names and reuses the variables the first run created
/// (build once, run many). Within one run TF1's reuse rules apply: creating a name twice needs
/// <see cref="Reuse.True"/> or <see cref="Reuse.Auto"/> on the scope. Batch-norm moving averages are
/// updated during the run (TF2 behaviour; no update-ops collection to run by hand).
/// </remarks>
public sealed class LegacyGraph
{
    private readonly VariableStore store = new(legacy: true);
    private readonly ScopeState scopes = new();
    private readonly List<Variable> created = [];
    private readonly HashSet<Variable> seen = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Every variable created during this graph's runs, in creation order (TF's <c>GLOBAL_VARIABLES</c>):
    /// through <c>GetVariable</c> and compat layers, and also native layers, tracked modules and
    /// explicit <see cref="Variable"/> constructors, as any variable made in a TF1 graph was.
    /// </summary>
    public IReadOnlyList<Variable> GlobalVariables => Collect(trainable: null);

    /// <summary>The trainable ones among <see cref="GlobalVariables"/> (TF's <c>TRAINABLE_VARIABLES</c>).</summary>
    public IReadOnlyList<Variable> TrainableVariables => Collect(trainable: true);

    /// <summary>
    /// One loss per regularized variable, from its current value (TF's <c>REGULARIZATION_LOSSES</c>).
    /// The tensors belong to the caller (or to the active dispose scope).
    /// </summary>
    public IReadOnlyList<Tensor> RegularizationLosses
    {
        get
        {
            var losses = new List<Tensor>();
            foreach (var variable in GlobalVariables)
            {
                if (variable.RegularizationLoss() is { } loss)
                {
                    losses.Add(loss);
                }
            }

            return losses;
        }
    }

    /// <summary>Runs one pass of graph-building code with this graph's store active.</summary>
    /// <typeparam name="T">What the code returns.</typeparam>
    /// <param name="build">Functional code using <c>GetVariable</c>, scopes and compat layers.</param>
    /// <param name="training">The training mode compat layers see when not told explicitly.</param>
    /// <returns>What <paramref name="build"/> returned; its tensors belong to the caller.</returns>
    public T Run<T>(Func<T> build, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(build);
        var outer = CallFrame.Current;
        if (outer is not null && ReferenceEquals(outer.Store, store))
        {
            throw new InvalidOperationException("LegacyGraph.Run was called inside a run of the same graph. Call the inner code directly; it already runs against this graph.");
        }

        lock (store)
        {
            store.BeginRun();
            scopes.ResetCounters();
            using var recording = VariableCreatorScope.Push(Record);
            CallFrame.Current = new CallFrame(null, store, scopes, training);
            try
            {
                return build();
            }
            finally
            {
                scopes.TruncateTo(1);
                CallFrame.Current = outer;
            }
        }
    }

    /// <summary>Runs one pass of graph-building code that returns nothing (see <see cref="Run{T}(Func{T}, bool)"/>).</summary>
    /// <param name="build">Functional code using <c>GetVariable</c>, scopes and compat layers.</param>
    /// <param name="training">The training mode compat layers see when not told explicitly.</param>
    public void Run(Action build, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(build);
        Run(() =>
        {
            build();
            return 0;
        }, training);
    }

    private Variable Record(VariableCreationArgs args, Func<VariableCreationArgs, Variable> next)
    {
        var variable = next(args);
        lock (created)
        {
            if (seen.Add(variable))
            {
                created.Add(variable);
            }
        }

        return variable;
    }

    private List<Variable> Collect(bool? trainable)
    {
        lock (created)
        {
            return trainable is { } wanted ? created.FindAll(v => v.Trainable == wanted) : [.. created];
        }
    }
}
