using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Nn;

/// <summary>
/// A native (module-style) layer on tensors. Like a Keras layer it builds its weights lazily on its
/// first call, from the input's shape, so creation order (and so the random draws) matches the
/// compat layer it replaces.
/// </summary>
/// <remarks>
/// Weights are named <c>scope/name/kernel</c>, where <c>scope</c> is the variable scope open when the
/// layer is built and <c>name</c> the layer's name, or for an unnamed layer the first of
/// <c>conv2d</c>, <c>conv2d_1</c>, ... not taken by another native layer of the same outermost module.
/// Building does not move the compat layers' name counters; use <c>RecordScope</c> to keep the
/// names of compat layers that follow a replaced one.
/// </remarks>
public abstract class Layer : Module<Tensor, Tensor>
{
    private readonly List<Variable> weights = [];
    private readonly string? explicitName;
    private readonly string defaultName;
    private string? prefix;

    /// <summary>Creates the layer; <paramref name="name"/> defaults to <paramref name="defaultName"/>.</summary>
    /// <param name="name">The layer's name: the last part of its variables' prefix.</param>
    /// <param name="defaultName">The name used when <paramref name="name"/> is null.</param>
    private protected Layer(string? name, string defaultName)
        : base(name)
    {
        if (name is { Length: 0 })
        {
            throw new ArgumentException($"A layer name cannot be empty; pass null for the default '{defaultName}'.", nameof(name));
        }

        if (name is not null)
        {
            ScopeNames.Check(name, GetType().Name, defaultName);
        }

        explicitName = name;
        this.defaultName = defaultName;
    }

    /// <summary>
    /// The full prefix of the layer's weights once built (<c>model/conv2d_1</c>); before that, the
    /// name given to the constructor or the default name.
    /// </summary>
    public override string Name => prefix ?? explicitName ?? defaultName;

    /// <summary>Whether the weights exist (after the first call).</summary>
    public bool Built => prefix is not null;

    /// <inheritdoc/>
    protected internal override IEnumerable<Variable> OwnVariables => weights;

    /// <summary>A layer's weights exist once it has seen its first input.</summary>
    private protected override bool IsBuilt => Built;

    /// <summary>Builds the weights on the first call, then computes the output.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The output.</returns>
    protected override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (prefix is null)
        {
            var claimed = CallFrame.Current?.Scopes?.ClaimLayerName(explicitName, defaultName) ?? explicitName ?? defaultName;
            Build(input, new WeightFactory(claimed, weights, this));
            prefix = claimed;
        }

        return Compute(input);
    }

    /// <summary>Creates the weights for inputs like <paramref name="input"/>.</summary>
    /// <param name="input">The first input.</param>
    /// <param name="weightFactory">Creates each weight under the layer's prefix.</param>
    private protected virtual void Build(Tensor input, WeightFactory weightFactory)
    {
    }

    /// <summary>
    /// Rejects an input whose size along the axis the weights were built for differs from the first
    /// input's: the weights cannot be rebuilt without losing what they learned.
    /// </summary>
    /// <param name="actual">The size in this call's input.</param>
    /// <param name="built">The size the weights were built for.</param>
    /// <param name="axis">The axis, for the message (<c>last</c>, <c>channel</c>).</param>
    private protected void RequireBuiltSize(long actual, long built, string axis)
    {
        if (actual != built)
        {
            throw new ArgumentException(
                $"Layer {Name} was built for inputs with {built} on the {axis} axis and now got {actual}. A layer keeps the weights of its first call; use a separate layer for inputs of another size.",
                "input");
        }
    }

    /// <summary>The layer's computation once built.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The output.</returns>
    private protected abstract Tensor Compute(Tensor input);

    /// <summary>Creates a layer's weights through the variable creator chain under its prefix, registered on the layer.</summary>
    private protected sealed class WeightFactory(string prefix, List<Variable> weights, IVariableOwner layer)
    {
        public Variable Add(string name, long[] shape, ScalarType dtype, Initializer initializer, Regularizer? regularizer, bool trainable)
        {
            var variable = Variable.CreateThroughChain(new VariableCreationArgs($"{prefix}/{name}", shape, dtype, trainable, initializer, regularizer));
            weights.Add(variable);
            layer.Register(variable);
            return variable;
        }
    }
}
