using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.BrokenLayers.TorchSharpShaped;

/// <summary>PAR1002 (TorchSharp), broken: <c>nn.Linear</c> built inside <c>forward</c>, fresh weights on every call.</summary>
public sealed class BrokenHead : nn.Module<Tensor, Tensor>
{
    /// <summary>Builds the module.</summary>
    public BrokenHead() : base(nameof(BrokenHead)) => RegisterComponents();

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => nn.Linear(4, 3).forward(input);
}

/// <summary>PAR1002 (TorchSharp), fixed: the layer is a registered field.</summary>
public sealed class FixedHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear = nn.Linear(4, 3);

    /// <summary>Builds the module.</summary>
    public FixedHead() : base(nameof(FixedHead)) => RegisterComponents();

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => linear.forward(input);
}
