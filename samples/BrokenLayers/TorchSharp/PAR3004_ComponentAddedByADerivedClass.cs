using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.BrokenLayers.TorchSharpShaped;

/// <summary>A base network that registers its components in its constructor, as most TorchSharp modules do.</summary>
public class ProjectionBase : nn.Module<Tensor, Tensor>
{
    private readonly Linear projection = nn.Linear(4, 4);

    /// <summary>Builds the projection and registers it.</summary>
    public ProjectionBase() : base(nameof(ProjectionBase)) => RegisterComponents();

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => projection.forward(input);
}

/// <summary>
/// PAR3004, broken: the derived constructor adds a head after the base constructor registered, and its own
/// RegisterComponents() call does nothing, so the head is missing from parameters().
/// </summary>
public sealed class BrokenDerivedHead : ProjectionBase
{
    private readonly Linear head;

    /// <summary>Adds the head too late.</summary>
    public BrokenDerivedHead()
    {
        head = nn.Linear(4, 3);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => head.forward(base.forward(input));
}

/// <summary>PAR3004, fixed: the head is initialized where it is declared, which runs before the base constructor registers.</summary>
public sealed class FixedDerivedHead : ProjectionBase
{
    private readonly Linear head = nn.Linear(4, 3);

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => head.forward(base.forward(input));
}
