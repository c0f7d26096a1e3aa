using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace Parity.Slim;

/// <summary>
/// A set of slim keyword arguments: what <c>arg_scope(ops, **kwargs)</c> stores per function and what
/// <c>normalizer_params</c> holds. Every argument starts unset; a nested scope or an explicit argument
/// overrides only what it sets, as slim's dictionaries do.
/// </summary>
/// <remarks>
/// Arguments Python lets you set to <c>None</c> are <see cref="Arg{T}"/> (<c>ActivationFn = null</c> means
/// no activation); the others are nullable, null meaning unset.
/// </remarks>
public sealed record SlimArgs
{
    /// <summary><c>activation_fn</c>; null for none (linear).</summary>
    public Arg<Func<Tensor, Tensor>?> ActivationFn { get; init; }

    /// <summary><c>normalizer_fn</c>; null for none (the layer adds biases instead).</summary>
    public Arg<Normalizer?> NormalizerFn { get; init; }

    /// <summary><c>normalizer_params</c>: the explicit arguments the normalizer is called with.</summary>
    public Arg<SlimArgs?> NormalizerParams { get; init; }

    /// <summary><c>weights_initializer</c>.</summary>
    public Initializer? WeightsInitializer { get; init; }

    /// <summary><c>pointwise_initializer</c> of <c>separable_conv2d</c> (unset: the weights initializer).</summary>
    public Initializer? PointwiseInitializer { get; init; }

    /// <summary><c>weights_regularizer</c>; null for none.</summary>
    public Arg<Regularizer?> WeightsRegularizer { get; init; }

    /// <summary><c>biases_initializer</c>; null for no biases.</summary>
    public Arg<Initializer?> BiasesInitializer { get; init; }

    /// <summary><c>biases_regularizer</c>; null for none.</summary>
    public Arg<Regularizer?> BiasesRegularizer { get; init; }

    /// <summary><c>stride</c>.</summary>
    public Size2? Stride { get; init; }

    /// <summary><c>padding</c>.</summary>
    public Padding? Padding { get; init; }

    /// <summary><c>rate</c> (dilation).</summary>
    public Size2? Rate { get; init; }

    /// <summary><c>data_format</c>.</summary>
    public DataFormat? DataFormat { get; init; }

    /// <summary><c>depth_multiplier</c> of <c>separable_conv2d</c>.</summary>
    public long? DepthMultiplier { get; init; }

    /// <summary><c>trainable</c>.</summary>
    public bool? Trainable { get; init; }

    /// <summary><c>is_training</c> of <c>batch_norm</c> and <c>dropout</c>.</summary>
    public bool? IsTraining { get; init; }

    /// <summary><c>decay</c> of <c>batch_norm</c>'s moving averages.</summary>
    public double? Decay { get; init; }

    /// <summary><c>epsilon</c> of <c>batch_norm</c>.</summary>
    public double? Epsilon { get; init; }

    /// <summary><c>center</c> of <c>batch_norm</c> (learn <c>beta</c>).</summary>
    public bool? Center { get; init; }

    /// <summary><c>scale</c> of <c>batch_norm</c> (learn <c>gamma</c>).</summary>
    public bool? Scale { get; init; }

    /// <summary><c>keep_prob</c> of <c>dropout</c>.</summary>
    public double? KeepProb { get; init; }

    /// <summary>No argument set.</summary>
    public static SlimArgs None { get; } = new();

    /// <summary>These arguments with <paramref name="over"/>'s set ones replacing them (slim's <c>dict.update</c>).</summary>
    /// <param name="over">The arguments that win.</param>
    /// <returns>The merged arguments.</returns>
    public SlimArgs With(SlimArgs over)
    {
        ArgumentNullException.ThrowIfNull(over);
        return new SlimArgs
        {
            ActivationFn = over.ActivationFn.Over(ActivationFn),
            NormalizerFn = over.NormalizerFn.Over(NormalizerFn),
            NormalizerParams = over.NormalizerParams.Over(NormalizerParams),
            WeightsInitializer = over.WeightsInitializer ?? WeightsInitializer,
            PointwiseInitializer = over.PointwiseInitializer ?? PointwiseInitializer,
            WeightsRegularizer = over.WeightsRegularizer.Over(WeightsRegularizer),
            BiasesInitializer = over.BiasesInitializer.Over(BiasesInitializer),
            BiasesRegularizer = over.BiasesRegularizer.Over(BiasesRegularizer),
            Stride = over.Stride ?? Stride,
            Padding = over.Padding ?? Padding,
            Rate = over.Rate ?? Rate,
            DataFormat = over.DataFormat ?? DataFormat,
            DepthMultiplier = over.DepthMultiplier ?? DepthMultiplier,
            Trainable = over.Trainable ?? Trainable,
            IsTraining = over.IsTraining ?? IsTraining,
            Decay = over.Decay ?? Decay,
            Epsilon = over.Epsilon ?? Epsilon,
            Center = over.Center ?? Center,
            Scale = over.Scale ?? Scale,
            KeepProb = over.KeepProb ?? KeepProb,
        };
    }

    /// <summary>The slim names of the arguments that are set (<c>activation_fn</c>, <c>padding</c>, ...).</summary>
    /// <returns>The names, in declaration order.</returns>
    public IEnumerable<string> SetNames()
    {
        if (ActivationFn.IsSet) yield return "activation_fn";
        if (NormalizerFn.IsSet) yield return "normalizer_fn";
        if (NormalizerParams.IsSet) yield return "normalizer_params";
        if (WeightsInitializer is not null) yield return "weights_initializer";
        if (PointwiseInitializer is not null) yield return "pointwise_initializer";
        if (WeightsRegularizer.IsSet) yield return "weights_regularizer";
        if (BiasesInitializer.IsSet) yield return "biases_initializer";
        if (BiasesRegularizer.IsSet) yield return "biases_regularizer";
        if (Stride is not null) yield return "stride";
        if (Padding is not null) yield return "padding";
        if (Rate is not null) yield return "rate";
        if (DataFormat is not null) yield return "data_format";
        if (DepthMultiplier is not null) yield return "depth_multiplier";
        if (Trainable is not null) yield return "trainable";
        if (IsTraining is not null) yield return "is_training";
        if (Decay is not null) yield return "decay";
        if (Epsilon is not null) yield return "epsilon";
        if (Center is not null) yield return "center";
        if (Scale is not null) yield return "scale";
        if (KeepProb is not null) yield return "keep_prob";
    }
}
