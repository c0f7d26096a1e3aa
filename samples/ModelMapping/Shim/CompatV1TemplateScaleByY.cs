using System;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Samples.ModelMapping.Shim;

/// <summary>
/// A template made once, in the constructor, and called from a named scope in every forward pass:
/// one scalar variable <c>layer/scale_by_y/y</c> (initial value 1.5, L2-regularized) scales the input.
/// </summary>
public sealed class CompatV1TemplateScaleByY : Module<Tensor, Tensor>
{
    private readonly Func<Tensor, Tensor> scaleByY;

    /// <summary>Makes the template.</summary>
    public CompatV1TemplateScaleByY()
    {
        scaleByY = MakeTemplate<Tensor, Tensor>("scale_by_y", x => MyOp(x, "y"));
    }

    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        // The scope keeps the template's name from being incremented for each new instance.
        using (VariableScope("layer"))
        {
            return scaleByY(input);
        }
    }

    private static Tensor MyOp(Tensor x, string scalarName)
    {
        var y = GetVariable(scalarName, [], regularizer: Regularizers.KerasL2(), initializer: Initializers.Constant(1.5));
        return x * y;
    }
}
