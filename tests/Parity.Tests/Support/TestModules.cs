using System;
using Parity.Torch;

namespace Parity.Tests.Support;

/// <summary>A tracked module whose forward pass is the given function.</summary>
internal sealed class Tracked(Func<Tensor, Tensor> body) : Module<Tensor, Tensor>
{
    /// <summary>Runs <paramref name="body"/> once inside the forward pass of a new tracked module.</summary>
    public static void Run(Action body)
    {
        var module = new Tracked(x =>
        {
            body();
            return x;
        });
        using var x = Tensor.Zeros([1]);
        module.Call(x);
    }

    [TrackVariables]
    protected override Tensor Forward(Tensor input) => body(input);
}

/// <summary>An untracked module whose forward pass is the given function.</summary>
internal sealed class Untracked(Func<Tensor, Tensor> body) : Module<Tensor, Tensor>
{
    protected override Tensor Forward(Tensor input) => body(input);
}
