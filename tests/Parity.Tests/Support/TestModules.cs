using System;
using static TorchSharp.torch;

namespace Parity.Tests.Support;

/// <summary>A tracked module whose forward pass is the given function.</summary>
internal sealed class Tracked(Func<Tensor, Tensor> body) : Module<Tensor, Tensor>
{
    /// <summary>Runs <paramref name="body"/> once inside the forward pass of a new tracked module (left undisposed: the body may keep its variables).</summary>
    public static void Run(Action body)
    {
        var module = new Tracked(x =>
        {
            body();
            return x;
        });
        using var x = zeros(1);
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
