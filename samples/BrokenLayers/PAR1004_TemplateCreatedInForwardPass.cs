using System;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.BrokenLayers;

/// <summary>
/// PAR1004, broken: the template is made in the forward pass. Each new template takes a fresh scope
/// (<c>scale_by_y</c>, <c>scale_by_y_1</c>, ...), so every call creates a new <c>y</c>.
/// </summary>
public sealed class BrokenTemplateInForward : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        var scaleByY = MakeTemplate<Tensor, Tensor>("scale_by_y", ScaleByY);
        return scaleByY(input);
    }

    internal static Tensor ScaleByY(Tensor x) => x * GetVariable("y", [], initializer: Initializers.Constant(1.5));
}

/// <summary>PAR1004, fixed: the template is made once, in a field initializer, and its scope is re-entered on every call.</summary>
public sealed class FixedTemplateInConstructor : Module<Tensor, Tensor>
{
    private readonly Func<Tensor, Tensor> scaleByY = MakeTemplate<Tensor, Tensor>("scale_by_y", BrokenTemplateInForward.ScaleByY);

    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input) => scaleByY(input);
}
