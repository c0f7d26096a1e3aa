using Parity.Torch;

namespace Parity;

/// <summary>
/// A module with a typed forward pass. Callers use <see cref="Call"/>; authors override
/// <see cref="Forward"/>, and mark the override <see cref="TrackVariablesAttribute"/> when it uses the
/// variable store (<c>GetVariable</c>, compat layers, scopes).
/// </summary>
/// <typeparam name="TIn">The input type (a tensor, a tuple, a record...).</typeparam>
/// <typeparam name="TOut">The output type; tensors reachable from it survive the call (see <see cref="Call"/>).</typeparam>
public abstract class Module<TIn, TOut> : Module
{
    private TrackingMode tracking;

    /// <summary>Creates the module.</summary>
    /// <param name="name">A label for messages and reports; the type name when null.</param>
    protected Module(string? name = null)
        : base(name)
    {
    }

    /// <summary>
    /// Runs the forward pass. A tracked forward pass runs with this module's store (created on the
    /// first call) and the caller's scope stack; every tensor it creates is freed when it returns,
    /// except those reachable from the result: a <see cref="Tensor"/>, tuples, enumerables and
    /// dictionaries of tensors, or an <see cref="ITensorContainer"/>. Outermost calls of one instance
    /// from several threads run one at a time; different instances run in parallel.
    /// </summary>
    /// <param name="input">The input.</param>
    /// <param name="training">The mode of this call; <see langword="null"/> takes the enclosing call's mode, else <see cref="Module.Training"/>.</param>
    /// <returns>What <see cref="Forward"/> returned.</returns>
    public TOut Call(TIn input, bool? training = null)
    {
        var outer = CallFrame.Current;
        var isTraining = training ?? outer?.Training ?? Training;
        if (tracking == TrackingMode.Unknown)
        {
            tracking = TrackingCache.IsTracked(GetType(), typeof(Module<TIn, TOut>)) ? TrackingMode.Tracked : TrackingMode.Untracked;
        }

        CallFrame frame;
        if (tracking == TrackingMode.Tracked)
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
        lock (CallGate)
        {
            return Run(input, frame, outer);
        }
    }

    /// <summary>
    /// The forward pass. Mark the override <see cref="TrackVariablesAttribute"/> to use the variable
    /// store in it. Call the module through <see cref="Call"/>, not this method.
    /// </summary>
    /// <param name="input">The input.</param>
    /// <returns>The output.</returns>
    [ForwardPass]
    protected abstract TOut Forward(TIn input);

    private TOut Run(TIn input, CallFrame frame, CallFrame? outer)
    {
        var scopes = frame.Scopes;
        var depth = scopes?.Depth ?? 0;
        CallFrame.Current = frame;
        try
        {
            using var intermediates = Torch.Torch.NewDisposeScope();
            var result = Forward(input);
            if (ResultKeeper.MoveOut(result) && outer is null)
            {
                GraphPressure.AfterTopLevelCall(intermediates.Count);
            }

            return result;
        }
        finally
        {
            scopes?.TruncateTo(depth);
            CallFrame.Current = outer;
        }
    }

    private enum TrackingMode : byte
    {
        Unknown,
        Untracked,
        Tracked,
    }
}
