using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Nn;

/// <summary>
/// Batch normalization over the last (channel) axis with TF's defaults and variables
/// <c>name/gamma</c>, <c>name/beta</c>, <c>name/moving_mean</c>, <c>name/moving_variance</c>.
/// Follows the call's training mode: training updates the moving statistics,
/// <c>moving = moving·momentum + batch·(1 − momentum)</c>.
/// </summary>
public sealed class BatchNormalization : Layer
{
    private readonly double momentum;
    private readonly double epsilon;
    private readonly bool center;
    private readonly bool scale;
    private readonly Initializer betaInitializer;
    private readonly Initializer gammaInitializer;
    private readonly Initializer movingMeanInitializer;
    private readonly Initializer movingVarianceInitializer;
    private readonly Regularizer? betaRegularizer;
    private readonly Regularizer? gammaRegularizer;
    private readonly bool trainable;
    private Variable? gamma;
    private Variable? beta;
    private Variable? movingMean;
    private Variable? movingVariance;

    /// <summary>Creates the layer; weights are built on the first call.</summary>
    /// <param name="momentum">Decay of the moving averages.</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <param name="center">Whether to add <c>beta</c>.</param>
    /// <param name="scale">Whether to multiply by <c>gamma</c>.</param>
    /// <param name="betaInitializer">Default zeros.</param>
    /// <param name="gammaInitializer">Default ones.</param>
    /// <param name="movingMeanInitializer">Default zeros.</param>
    /// <param name="movingVarianceInitializer">Default ones.</param>
    /// <param name="betaRegularizer">Regularizer of beta.</param>
    /// <param name="gammaRegularizer">Regularizer of gamma.</param>
    /// <param name="trainable">Whether gamma and beta are trained.</param>
    /// <param name="name">Layer name (default <c>batch_normalization</c>).</param>
    public BatchNormalization(
        double momentum = 0.99,
        double epsilon = 0.001,
        bool center = true,
        bool scale = true,
        Initializer? betaInitializer = null,
        Initializer? gammaInitializer = null,
        Initializer? movingMeanInitializer = null,
        Initializer? movingVarianceInitializer = null,
        Regularizer? betaRegularizer = null,
        Regularizer? gammaRegularizer = null,
        bool trainable = true,
        string? name = null)
        : base(name, "batch_normalization")
    {
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.center = center;
        this.scale = scale;
        this.betaInitializer = betaInitializer ?? Initializers.Zeros();
        this.gammaInitializer = gammaInitializer ?? Initializers.Ones();
        this.movingMeanInitializer = movingMeanInitializer ?? Initializers.Zeros();
        this.movingVarianceInitializer = movingVarianceInitializer ?? Initializers.Ones();
        this.betaRegularizer = betaRegularizer;
        this.gammaRegularizer = gammaRegularizer;
        this.trainable = trainable;
    }

    /// <summary>The moving mean, once built.</summary>
    public Variable? MovingMean => movingMean;

    /// <summary>The moving variance, once built.</summary>
    public Variable? MovingVariance => movingVariance;

    private protected override void Build(Tensor input, WeightFactory weightFactory)
    {
        if (input.dim() < 2)
        {
            throw new ArgumentException($"BatchNormalization expects an input of rank 2 or more with channels last, got shape {ShapeFormat.Format(input.shape)}.", nameof(input));
        }

        long[] channels = [input.size(-1)];
        gamma = scale ? weightFactory.Add("gamma", channels, input.dtype, gammaInitializer, gammaRegularizer, trainable) : null;
        beta = center ? weightFactory.Add("beta", channels, input.dtype, betaInitializer, betaRegularizer, trainable) : null;
        movingMean = weightFactory.Add("moving_mean", channels, input.dtype, movingMeanInitializer, null, trainable: false);
        movingVariance = weightFactory.Add("moving_variance", channels, input.dtype, movingVarianceInitializer, null, trainable: false);
    }

    private protected override Tensor Compute(Tensor input)
    {
        if (input.dim() >= 2)
        {
            RequireBuiltSize(input.size(-1), movingMean!.ShapeUnsafe[0], "channel (last)");
        }

        return BatchNormOp.Apply(input, gamma?.Value, beta?.Value, movingMean!.Value, movingVariance!.Value, Training, momentum, epsilon, nameof(BatchNormalization));
    }
}
