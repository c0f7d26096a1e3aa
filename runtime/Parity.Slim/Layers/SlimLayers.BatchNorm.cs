using System;
using Parity.Compat;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Slim.Layers;

/// <summary><c>slim.batch_norm</c>.</summary>
public static partial class SlimLayers
{
    /// <summary>
    /// <c>slim.batch_norm</c> on its fused path (slim's default for rank 2 and 4): variables <c>beta</c>
    /// (when centered), <c>gamma</c> (when scaled), <c>moving_mean</c>, <c>moving_variance</c>, in that order.
    /// Training normalizes with the batch statistics and updates
    /// <c>moving = moving·decay + batch·(1 − decay)</c> (the variance Bessel-corrected, as TF's fused
    /// kernel does); inference uses the moving statistics. Defaults: decay 0.999, center, no scale,
    /// epsilon 0.001, no activation, <c>is_training</c> true (slim's default, not the module's mode).
    /// </summary>
    /// <remarks>
    /// Slim adds the moving-average updates to <c>UPDATE_OPS</c> by default, so they happen when the
    /// training op runs them; here they happen during the call, as with <c>updates_collections=None</c>.
    /// Rank-2 input is normalized as (batch, 1, 1, channels), as slim's fused path reshapes it.
    /// </remarks>
    /// <param name="inputs">NHWC (rank 4) or (batch, channels) (rank 2) input.</param>
    /// <param name="decay">Decay of the moving averages.</param>
    /// <param name="center">Whether to learn <c>beta</c>.</param>
    /// <param name="scale">Whether to learn <c>gamma</c>.</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <param name="activationFn">Activation; null for none.</param>
    /// <param name="isTraining">Training mode.</param>
    /// <param name="trainable">Whether beta and gamma are trained.</param>
    /// <param name="dataFormat">Only NHWC.</param>
    /// <param name="scope">The layer's scope; the first free of <c>BatchNorm</c>, ... when null.</param>
    /// <returns>The normalized input.</returns>
    [ScopedLayer("scope")]
    [RequiresVariableStore]
    public static Tensor BatchNorm(
        Tensor inputs,
        double? decay = null,
        bool? center = null,
        bool? scale = null,
        double? epsilon = null,
        Arg<Func<Tensor, Tensor>?> activationFn = default,
        bool? isTraining = null,
        bool? trainable = null,
        DataFormat? dataFormat = null,
        string? scope = null) =>
        BatchNorm(
            inputs,
            new SlimArgs { Decay = decay, Center = center, Scale = scale, Epsilon = epsilon, ActivationFn = activationFn, IsTraining = isTraining, Trainable = trainable, DataFormat = dataFormat },
            scope);

    /// <summary><c>slim.batch_norm(inputs, **parameters)</c>, the form a layer's <c>normalizer_fn</c> calls.</summary>
    /// <param name="inputs">NHWC or (batch, channels) input.</param>
    /// <param name="parameters">Explicit arguments; batch norm's arg scope fills the rest.</param>
    /// <param name="scope">The layer's scope; the first free of <c>BatchNorm</c>, ... when null.</param>
    /// <returns>The normalized input.</returns>
    [ScopedLayer("scope")]
    [RequiresVariableStore]
    public static Tensor BatchNorm(Tensor inputs, SlimArgs parameters, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(parameters);
        SlimArguments.Check(SlimOp.BatchNorm, parameters, "normalizer_params / batch_norm");
        var args = ArgScope.Resolve(SlimOp.BatchNorm, parameters);
        CheckDataFormat(args.DataFormat, nameof(BatchNorm), scope ?? "BatchNorm");
        var rank = inputs.dim();
        if (rank is not (2 or 4))
        {
            throw new ArgumentException($"BatchNorm '{scope ?? "BatchNorm"}' got an input of shape {ShapeFormat.Format(inputs.shape)}; slim's batch_norm takes rank 2 or 4 (channels last).", nameof(inputs));
        }

        long[] channels = [inputs.size(-1)];
        var train = args.Trainable ?? true;
        using var intermediates = torch.NewDisposeScope();
        using var layer = LayerScope.Open(scope, "BatchNorm", nameof(BatchNorm));
        var beta = args.Center ?? true ? layer.Variable("beta", channels, inputs.dtype, Parity.Initializers.Zeros(), null, train) : null;
        var gamma = args.Scale ?? false ? layer.Variable("gamma", channels, inputs.dtype, Parity.Initializers.Ones(), null, train) : null;
        var movingMean = layer.Variable("moving_mean", channels, inputs.dtype, Parity.Initializers.Zeros(), null, trainable: false);
        var movingVariance = layer.Variable("moving_variance", channels, inputs.dtype, Parity.Initializers.Ones(), null, trainable: false);
        var image = rank == 4 ? inputs : inputs.reshape(-1, 1, 1, channels[0]);
        var normalized = BatchNormOp.Apply(
            image,
            gamma?.Value,
            beta?.Value,
            movingMean.Value,
            movingVariance.Value,
            args.IsTraining ?? true,
            args.Decay ?? 0.999,
            args.Epsilon ?? 0.001,
            nameof(BatchNorm));
        var outputs = rank == 4 ? normalized : normalized.reshape(inputs.shape);
        var activation = args.ActivationFn.Or(null);
        return (activation is null ? outputs : activation(outputs)).MoveToOuterDisposeScope();
    }
}
