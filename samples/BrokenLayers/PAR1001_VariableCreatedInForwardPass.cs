using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.BrokenLayers;

/// <summary>PAR1001, broken: the validation guide's scaling layer makes two new variables on every call.</summary>
public sealed class BrokenScalingLayer : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        var scale = new Variable("scale", tensor((float)(2.0)));
        var bias = new Variable("bias", tensor((float)(2.0)));
        return (input * scale) + bias;
    }
}

/// <summary>PAR1001, fixed: the variables are made on the first call only and kept in fields.</summary>
public sealed class FixedScalingLayer : Module<Tensor, Tensor>
{
    private Variable? scale;
    private Variable? bias;

    /// <inheritdoc/>
    [TrackVariables]
    protected override Tensor Forward(Tensor input)
    {
        if (scale is null)
        {
            scale = new Variable("scale", tensor((float)(2.0)));
            bias = new Variable("bias", tensor((float)(2.0)));
        }

        return (input * scale) + bias!;
    }
}
