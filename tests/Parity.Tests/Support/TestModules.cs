using System;
using Parity.Torch;

namespace Parity.Tests.Support;

/// <summary>A tracked module whose forward pass is the given function.</summary>
internal sealed class Tracked(Func<Tensor, Tensor> body) : Module<Tensor, Tensor>
{
    [TrackVariables]
    protected override Tensor Forward(Tensor input) => body(input);
}

/// <summary>An untracked module whose forward pass is the given function.</summary>
internal sealed class Untracked(Func<Tensor, Tensor> body) : Module<Tensor, Tensor>
{
    protected override Tensor Forward(Tensor input) => body(input);
}
