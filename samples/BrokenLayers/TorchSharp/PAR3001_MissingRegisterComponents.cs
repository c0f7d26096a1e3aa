using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.BrokenLayers.TorchSharpShaped;

/// <summary>PAR3001, broken: component fields but no <c>RegisterComponents()</c>, so the optimizer never sees the weights.</summary>
public sealed class BrokenUnregistered : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear = nn.Linear(4, 3);

    /// <summary>Builds the module.</summary>
    public BrokenUnregistered() : base(nameof(BrokenUnregistered))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => linear.forward(input);
}

/// <summary>PAR3001, fixed: the constructor ends with <c>RegisterComponents()</c>.</summary>
public sealed class FixedRegistered : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear = nn.Linear(4, 3);

    /// <summary>Builds the module.</summary>
    public FixedRegistered() : base(nameof(FixedRegistered)) => RegisterComponents();

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => linear.forward(input);
}
