using System;
using Parity.Compat;
using Parity.Slim.Weights;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Slim.Layers;

/// <summary>
/// TF-Slim's layers (<c>slim.conv2d</c>, <c>slim.batch_norm</c>, ...) with slim's defaults, variable names
/// (<c>scope/weights</c>, <c>scope/biases</c>, <c>scope/BatchNorm/beta</c>, ...), shapes, creation order and
/// regularization, reading defaults from the enclosing <see cref="ArgScope"/>. Activations are NHWC,
/// kernels HWIO, padding TF's, as in the compat layers they share their ops with.
/// </summary>
/// <remarks>
/// Each argument of a call overrides the arg scope's value for that function, which overrides the
/// layer's own default. A layer with variables opens its scope (its <c>scope</c> argument, or the first
/// free of slim's default name, <c>Conv</c>, <c>Conv_1</c>, ...) under the current variable scope.
/// </remarks>
public static partial class SlimLayers
{
    /// <summary><c>tf.nn.relu</c>, slim's default activation of conv and fully connected layers.</summary>
    public static readonly Func<Tensor, Tensor> Relu = x => x.relu();

    /// <summary><c>tf.nn.relu6</c>: min(max(x, 0), 6).</summary>
    public static readonly Func<Tensor, Tensor> Relu6 = x => nn.functional.relu6(x);

    /// <summary><c>slim.batch_norm</c> as a <c>normalizer_fn</c>.</summary>
    public static readonly Normalizer BatchNormalizer = (inputs, parameters) => BatchNorm(inputs, parameters);

    /// <summary>Slim's default weights initializer, <c>xavier_initializer()</c> (uniform).</summary>
    private static readonly Initializer DefaultWeights = SlimInitializers.Xavier();

    /// <summary>A layer's weights variable: the resolved initializer (slim's Xavier by default), regularizer and trainability.</summary>
    private static Variable Weights(in LayerScope layer, string name, long[] shape, ScalarType dtype, SlimArgs args, Initializer? initializer = null) =>
        layer.Variable(name, shape, dtype, initializer ?? args.WeightsInitializer ?? DefaultWeights, args.WeightsRegularizer.Or(null), args.Trainable ?? true);

    /// <summary>Slim's <c>biases</c>: created only without a normalizer and with a biases initializer (zeros by default).</summary>
    private static Variable? Biases(in LayerScope layer, long count, ScalarType dtype, SlimArgs args)
    {
        var initializer = args.BiasesInitializer.Or(Parity.Initializers.Zeros());
        return args.NormalizerFn.Or(null) is null && initializer is not null
            ? layer.Variable("biases", [count], dtype, initializer, args.BiasesRegularizer.Or(null), args.Trainable ?? true)
            : null;
    }

    /// <summary>The normalizer (which replaces biases) and then the activation (ReLU by default), in slim's order, inside the layer's scope.</summary>
    private static Tensor NormalizeAndActivate(Tensor outputs, SlimArgs args)
    {
        var net = outputs;
        if (args.NormalizerFn.Or(null) is { } normalizer)
        {
            net = normalizer(net, args.NormalizerParams.Or(null) ?? SlimArgs.None);
        }

        return args.ActivationFn.Or(Relu) is { } activation ? activation(net) : net;
    }

    /// <summary>Only NHWC is computed; a port that asks for NCHW fails instead of computing in the wrong layout.</summary>
    private static void CheckDataFormat(DataFormat? format, string layer, string scope)
    {
        if (format is DataFormat.Nchw)
        {
            throw new NotSupportedException(
                $"{layer} '{scope}' was given data_format NCHW; Parity.Slim computes NHWC only (libtorch runs NCHW underneath without copies). Drop data_format and feed NHWC inputs.");
        }

        if (format is { } f && !Enum.IsDefined(f))
        {
            throw new ArgumentOutOfRangeException(nameof(format), f, $"{layer} '{scope}': data_format must be DataFormat.Nhwc.");
        }
    }
}
