using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.BrokenLayers.TorchSharpShaped;

/// <summary>PAR3003, broken: the submodule lives in an auto-property, whose hidden backing field registration may skip.</summary>
public sealed class BrokenPropertyHead : nn.Module<Tensor, Tensor>
{
    /// <summary>Builds the module.</summary>
    public BrokenPropertyHead() : base(nameof(BrokenPropertyHead)) => RegisterComponents();

    /// <summary>The head submodule.</summary>
    public Linear Head { get; } = nn.Linear(4, 3);

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Head.forward(input);
}

/// <summary>PAR3003, fixed: a field.</summary>
public sealed class FixedFieldHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear head = nn.Linear(4, 3);

    /// <summary>Builds the module.</summary>
    public FixedFieldHead() : base(nameof(FixedFieldHead)) => RegisterComponents();

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => head.forward(input);
}
