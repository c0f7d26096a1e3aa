using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Nn;

/// <summary>A densely connected layer, <c>activation(inputs · kernel + bias)</c>, with weights <c>name/kernel</c> (in, units) and <c>name/bias</c>.</summary>
public sealed class Dense : Layer
{
    private readonly long units;
    private readonly Func<Tensor, Tensor>? activation;
    private readonly bool useBias;
    private readonly Initializer kernelInitializer;
    private readonly Initializer biasInitializer;
    private readonly Regularizer? kernelRegularizer;
    private readonly Regularizer? biasRegularizer;
    private readonly bool trainable;
    private Variable? kernel;
    private Variable? bias;

    /// <summary>Creates the layer; weights are built on the first call.</summary>
    /// <param name="units">Output size.</param>
    /// <param name="activation">Applied to the output; none when null.</param>
    /// <param name="useBias">Whether to add a bias.</param>
    /// <param name="kernelInitializer">Default glorot uniform.</param>
    /// <param name="biasInitializer">Default zeros.</param>
    /// <param name="kernelRegularizer">Kernel regularizer.</param>
    /// <param name="biasRegularizer">Bias regularizer.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    /// <param name="name">Layer name (default <c>dense</c>).</param>
    public Dense(
        long units,
        Func<Tensor, Tensor>? activation = null,
        bool useBias = true,
        Initializer? kernelInitializer = null,
        Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null,
        Regularizer? biasRegularizer = null,
        bool trainable = true,
        string? name = null)
        : base(name, "dense")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        this.units = units;
        this.activation = activation;
        this.useBias = useBias;
        this.kernelInitializer = kernelInitializer ?? Initializers.GlorotUniform();
        this.biasInitializer = biasInitializer ?? Initializers.Zeros();
        this.kernelRegularizer = kernelRegularizer;
        this.biasRegularizer = biasRegularizer;
        this.trainable = trainable;
    }

    /// <summary>The kernel, once built.</summary>
    public Variable? Kernel => kernel;

    /// <summary>The bias, once built (null when <c>useBias</c> is false).</summary>
    public Variable? Bias => bias;

    private protected override void Build(Tensor input, WeightFactory weightFactory)
    {
        var inputUnits = DenseOp.InputUnits(input, nameof(Dense));
        kernel = weightFactory.Add("kernel", [inputUnits, units], input.dtype, kernelInitializer, kernelRegularizer, trainable);
        bias = useBias ? weightFactory.Add("bias", [units], input.dtype, biasInitializer, biasRegularizer, trainable) : null;
    }

    private protected override Tensor Compute(Tensor input)
    {
        RequireBuiltSize(DenseOp.InputUnits(input, nameof(Dense)), kernel!.ShapeUnsafe[0], "last");
        return DenseOp.Apply(input, kernel.Value, bias?.Value, activation, nameof(Dense));
    }
}
