using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Compat;

/// <summary>
/// TF1's functional layers (<c>tf.compat.v1.layers</c>) with TF's conventions: NHWC activations,
/// HWIO kernels, TF SAME/VALID padding and TF variable names (<c>kernel</c>, <c>bias</c>,
/// <c>gamma</c>, <c>beta</c>, <c>moving_mean</c>, <c>moving_variance</c>).
/// </summary>
/// <remarks>
/// Layers with variables get them from the active variable store under <c>scope/layer_name/...</c>.
/// Without a <c>name</c>, a layer takes the first free of <c>dense</c>, <c>dense_1</c>, ... under the
/// current scope, so outside a named scope it creates new variables on every call (PAR1003).
/// </remarks>
public static partial class Layers
{
    /// <summary>A densely connected layer: <c>activation(inputs · kernel + bias)</c>, kernel of shape (in, units).</summary>
    /// <param name="inputs">Input of rank 2 or more; the last axis is contracted.</param>
    /// <param name="units">Output size.</param>
    /// <param name="activation">Applied to the output, for example <c>t =&gt; t.relu()</c>; none when null.</param>
    /// <param name="useBias">Whether to add a bias.</param>
    /// <param name="kernelInitializer">Kernel initializer; default the scope's, else glorot uniform.</param>
    /// <param name="biasInitializer">Bias initializer; default zeros.</param>
    /// <param name="kernelRegularizer">Kernel regularizer (<c>"l2"</c> in TF is <see cref="Regularizers.KerasL2"/>).</param>
    /// <param name="biasRegularizer">Bias regularizer.</param>
    /// <param name="trainable">Whether the variables are trained.</param>
    /// <param name="name">Layer (scope) name; automatic when null.</param>
    /// <returns>The output.</returns>
    [ScopedLayer("name")]
    [RequiresVariableStore]
    public static Tensor Dense(
        Tensor inputs,
        long units,
        Func<Tensor, Tensor>? activation = null,
        bool useBias = true,
        Initializer? kernelInitializer = null,
        Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null,
        Regularizer? biasRegularizer = null,
        bool trainable = true,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        var inputUnits = DenseOp.InputUnits(inputs, nameof(Dense));
        using var scope = LayerScope.Open(name, "dense", nameof(Dense));
        var kernel = scope.Variable("kernel", [inputUnits, units], inputs.dtype, kernelInitializer, kernelRegularizer, trainable);
        var bias = useBias ? scope.Variable("bias", [units], inputs.dtype, biasInitializer ?? Initializers.Zeros(), biasRegularizer, trainable) : null;
        return DenseOp.Apply(inputs, kernel.Value, bias?.Value, activation, nameof(Dense));
    }

    /// <summary>A 2-D convolution over NHWC input with an HWIO kernel of shape (kh, kw, in, filters).</summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="filters">Number of output channels.</param>
    /// <param name="kernelSize">Kernel (height, width); an integer for both.</param>
    /// <param name="strides">Strides; default 1.</param>
    /// <param name="padding">TF padding; default <see cref="Padding.Valid"/>.</param>
    /// <param name="dilationRate">Dilation; default 1.</param>
    /// <param name="activation">Applied to the output; none when null.</param>
    /// <param name="useBias">Whether to add a bias.</param>
    /// <param name="kernelInitializer">Kernel initializer; default the scope's, else glorot uniform.</param>
    /// <param name="biasInitializer">Bias initializer; default zeros.</param>
    /// <param name="kernelRegularizer">Kernel regularizer.</param>
    /// <param name="biasRegularizer">Bias regularizer.</param>
    /// <param name="trainable">Whether the variables are trained.</param>
    /// <param name="name">Layer (scope) name; automatic (<c>conv2d</c>, <c>conv2d_1</c>, ...) when null.</param>
    /// <returns>NHWC output.</returns>
    [ScopedLayer("name")]
    [RequiresVariableStore]
    public static Tensor Conv2d(
        Tensor inputs,
        long filters,
        Size2 kernelSize,
        Size2? strides = null,
        Padding padding = Padding.Valid,
        Size2? dilationRate = null,
        Func<Tensor, Tensor>? activation = null,
        bool useBias = true,
        Initializer? kernelInitializer = null,
        Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null,
        Regularizer? biasRegularizer = null,
        bool trainable = true,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(filters, 1);
        kernelSize.Validate(nameof(kernelSize));
        var stride = (strides ?? 1).Validate(nameof(strides));
        var dilation = (dilationRate ?? 1).Validate(nameof(dilationRate));
        Conv2dOp.CheckStridesWithDilation(stride, dilation, nameof(Conv2d));
        var inChannels = Conv2dOp.InputChannels(inputs, nameof(Conv2d));
        using var scope = LayerScope.Open(name, "conv2d", nameof(Conv2d));
        Conv2dOp.CheckLayout(inputs, $"{nameof(Conv2d)} '{scope.Frame.Name}'");
        var kernel = Nhwc.StoreAsOihw(scope.Variable("kernel", [kernelSize.H, kernelSize.W, inChannels, filters], inputs.dtype, kernelInitializer, kernelRegularizer, trainable));
        var bias = useBias ? scope.Variable("bias", [filters], inputs.dtype, biasInitializer ?? Initializers.Zeros(), biasRegularizer, trainable) : null;
        return Conv2dOp.Apply(
            inputs,
            kernel.Value,
            bias?.Value,
            stride,
            padding,
            dilation,
            activation,
            nameof(Conv2d));
    }

    /// <summary>
    /// Batch normalization over the last (channel) axis with TF's defaults. Training normalizes with
    /// the batch statistics and updates the moving ones right away:
    /// <c>moving = moving·momentum + batch·(1 − momentum)</c>; inference uses the moving statistics.
    /// </summary>
    /// <param name="inputs">Input with channels last (NHWC, or (batch, features)).</param>
    /// <param name="momentum">Decay of the moving averages (TF-Slim calls it <c>decay</c>).</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <param name="center">Whether to add <c>beta</c>.</param>
    /// <param name="scale">Whether to multiply by <c>gamma</c> (TF-Slim's default is false; pass it explicitly).</param>
    /// <param name="training">Training mode; null takes the current call's mode.</param>
    /// <param name="betaInitializer">Default zeros.</param>
    /// <param name="gammaInitializer">Default ones.</param>
    /// <param name="movingMeanInitializer">Default zeros.</param>
    /// <param name="movingVarianceInitializer">Default ones.</param>
    /// <param name="betaRegularizer">Regularizer of beta.</param>
    /// <param name="gammaRegularizer">Regularizer of gamma.</param>
    /// <param name="trainable">Whether gamma and beta are trained (moving statistics never are).</param>
    /// <param name="name">Layer (scope) name; automatic (<c>batch_normalization</c>, ...) when null.</param>
    /// <returns>The normalized output, same shape as the input.</returns>
    [ScopedLayer("name")]
    [RequiresVariableStore]
    public static Tensor BatchNormalization(
        Tensor inputs,
        double momentum = 0.99,
        double epsilon = 0.001,
        bool center = true,
        bool scale = true,
        bool? training = null,
        Initializer? betaInitializer = null,
        Initializer? gammaInitializer = null,
        Initializer? movingMeanInitializer = null,
        Initializer? movingVarianceInitializer = null,
        Regularizer? betaRegularizer = null,
        Regularizer? gammaRegularizer = null,
        bool trainable = true,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.dim() < 2)
        {
            throw new ArgumentException($"BatchNormalization expects an input of rank 2 or more with channels last, got shape {ShapeFormat.Format(inputs.shape)}.", nameof(inputs));
        }

        long[] channels = [inputs.size(-1)];
        using var scope = LayerScope.Open(name, "batch_normalization", nameof(BatchNormalization));
        var gamma = scale ? scope.Variable("gamma", channels, inputs.dtype, gammaInitializer ?? Initializers.Ones(), gammaRegularizer, trainable) : null;
        var beta = center ? scope.Variable("beta", channels, inputs.dtype, betaInitializer ?? Initializers.Zeros(), betaRegularizer, trainable) : null;
        var movingMean = scope.Variable("moving_mean", channels, inputs.dtype, movingMeanInitializer ?? Initializers.Zeros(), null, trainable: false);
        var movingVariance = scope.Variable("moving_variance", channels, inputs.dtype, movingVarianceInitializer ?? Initializers.Ones(), null, trainable: false);
        return BatchNormOp.Apply(
            inputs,
            gamma?.Value,
            beta?.Value,
            movingMean.Value,
            movingVariance.Value,
            LayerScope.Training(training),
            momentum,
            epsilon,
            nameof(BatchNormalization));
    }

    /// <summary>
    /// Concatenates along <paramref name="axis"/> (TF's <c>tf.concat</c>; default the channel axis).
    /// NHWC images are joined in libtorch's NCHW memory, so the result stays a free view for the
    /// next convolution instead of a channels-last copy.
    /// </summary>
    /// <param name="inputs">Tensors of one rank that agree on every axis but <paramref name="axis"/>.</param>
    /// <param name="axis">The axis to join; negative counts from the end.</param>
    /// <returns>The joined tensor.</returns>
    public static Tensor Concat(IReadOnlyList<Tensor> inputs, int axis = -1)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("Concat needs at least one tensor.", nameof(inputs));
        }

        var rank = (int)(inputs[0] ?? throw new ArgumentNullException(nameof(inputs), "Concat input 0 is null.")).dim();
        var dim = axis < 0 ? axis + rank : axis;
        if (dim < 0 || dim >= rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"Concat axis must be in [-{rank}, {rank - 1}] for rank-{rank} inputs.");
        }

        CheckConcatenable(inputs, dim);
        if (rank != 4 || dim != 3)
        {
            return torch.cat(inputs.ToArray(), dim);
        }

        var nchw = new Tensor[inputs.Count];
        try
        {
            for (var i = 0; i < nchw.Length; i++)
            {
                nchw[i] = Nhwc.ToNchw(inputs[i], nameof(Concat));
            }

            using var joined = torch.cat(nchw, 1);
            return Nhwc.ToNhwc(joined);
        }
        finally
        {
            foreach (var part in nchw)
            {
                part?.Dispose();
            }
        }
    }

    /// <summary>TF's rules for <c>tf.concat</c>, checked up front so the message names the offending input.</summary>
    private static void CheckConcatenable(IReadOnlyList<Tensor> inputs, int dim)
    {
        var first = inputs[0];
        var shape = first.shape;
        for (var i = 1; i < inputs.Count; i++)
        {
            var other = inputs[i] ?? throw new ArgumentNullException(nameof(inputs), $"Concat input {i} is null.");
            var otherShape = other.shape;
            var agrees = otherShape.Length == shape.Length;
            for (var d = 0; agrees && d < shape.Length; d++)
            {
                agrees = d == dim || otherShape[d] == shape[d];
            }

            if (!agrees)
            {
                throw new ArgumentException(
                    $"Concat along axis {dim} needs inputs of one rank that agree on every other axis; input 0 has shape {ShapeFormat.Format(shape)} and input {i} has shape {ShapeFormat.Format(otherShape)}.",
                    nameof(inputs));
            }

            if (other.dtype != first.dtype)
            {
                throw new ArgumentException(
                    $"Concat needs inputs of one dtype, as TF does; input 0 is {DTypeNames.Of(first.dtype)} and input {i} is {DTypeNames.Of(other.dtype)}. Convert one of them with to_type first.",
                    nameof(inputs));
            }
        }
    }

    /// <summary>Inverted dropout through <see cref="Randomness.RandomOps.Dropout"/>: active only in training.</summary>
    /// <param name="inputs">A floating tensor.</param>
    /// <param name="rate">Fraction of elements dropped; kept ones are scaled by 1/(1 − rate).</param>
    /// <param name="training">Training mode; null takes the current call's mode.</param>
    /// <param name="name">Layer name; it only moves the name counters, as in TF.</param>
    /// <returns>The output (the input itself in inference).</returns>
    public static Tensor Dropout(Tensor inputs, double rate = 0.5, bool? training = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LayerScope.Reserve(name, "dropout", nameof(Dropout));
        return Randomness.RandomOps.Dropout(inputs, rate, LayerScope.Training(training));
    }

    /// <summary>Flattens all but the batch axis in TF's (NHWC) element order.</summary>
    /// <param name="inputs">The input.</param>
    /// <param name="name">Layer name; it only moves the name counters, as in TF.</param>
    /// <returns>A (batch, features) tensor.</returns>
    public static Tensor Flatten(Tensor inputs, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LayerScope.Reserve(name, "flatten", nameof(Flatten));
        return FlattenOp.Apply(inputs, nameof(Flatten));
    }

    /// <summary>2-D max pooling on NHWC input; with SAME padding, padded cells never win.</summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="poolSize">Window (height, width).</param>
    /// <param name="strides">Strides.</param>
    /// <param name="padding">TF padding; default <see cref="Padding.Valid"/>.</param>
    /// <param name="name">Layer name; it only moves the name counters, as in TF.</param>
    /// <returns>NHWC output.</returns>
    public static Tensor MaxPooling2d(Tensor inputs, Size2 poolSize, Size2 strides, Padding padding = Padding.Valid, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LayerScope.Reserve(name, "max_pooling2d", nameof(MaxPooling2d));
        return PoolOp.Max(inputs, poolSize.Validate(nameof(poolSize)), strides.Validate(nameof(strides)), padding, nameof(MaxPooling2d));
    }

    /// <summary>2-D average pooling on NHWC input; with SAME padding, only real cells are averaged.</summary>
    /// <param name="inputs">NHWC input.</param>
    /// <param name="poolSize">Window (height, width).</param>
    /// <param name="strides">Strides.</param>
    /// <param name="padding">TF padding; default <see cref="Padding.Valid"/>.</param>
    /// <param name="name">Layer name; it only moves the name counters, as in TF.</param>
    /// <returns>NHWC output.</returns>
    public static Tensor AveragePooling2d(Tensor inputs, Size2 poolSize, Size2 strides, Padding padding = Padding.Valid, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LayerScope.Reserve(name, "average_pooling2d", nameof(AveragePooling2d));
        return PoolOp.Average(inputs, poolSize.Validate(nameof(poolSize)), strides.Validate(nameof(strides)), padding, nameof(AveragePooling2d));
    }
}
