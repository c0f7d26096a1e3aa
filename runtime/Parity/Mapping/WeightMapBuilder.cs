using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Mapping;

/// <summary>
/// Builds a <see cref="WeightMap"/> for one TorchSharp module: each of its layers is added under the
/// TF scope it stands for, and the builder spells the TF names and picks the layout conversion from
/// the layer's type. <see cref="Build"/> refuses a map that leaves a parameter or buffer without a TF name.
/// </summary>
/// <example>
/// <code>
/// var map = new WeightMapBuilder(model)
///     .Layer("net/conv1", model.Conv1)             // net/conv1/weights, net/conv1/biases
///     .Layer("net/conv1/BatchNorm", model.Norm1)   // gamma, beta, moving_mean, moving_variance
///     .Layer("net/logits", model.Logits)           // dense kernel transposed
///     .Build();
/// </code>
/// </example>
public sealed class WeightMapBuilder
{
    private readonly nn.Module root;
    private readonly TfNaming naming;
    private readonly Dictionary<IntPtr, string> torchNames = [];
    private readonly Dictionary<string, WeightMapEntry> byTf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WeightMapEntry> byTorch = new(StringComparer.Ordinal);
    private readonly HashSet<string> ignored = new(StringComparer.Ordinal);

    /// <summary>Starts a map for <paramref name="root"/>.</summary>
    /// <param name="root">The module whose <c>state_dict()</c> the map covers.</param>
    /// <param name="naming">How the TF side spells weight names.</param>
    public WeightMapBuilder(nn.Module root, TfNaming naming = TfNaming.Slim)
    {
        ArgumentNullException.ThrowIfNull(root);
        this.root = root;
        this.naming = naming;
        foreach (var (name, tensor) in root.state_dict())
        {
            torchNames[tensor.Handle] = name;
        }
    }

    /// <summary>
    /// Adds a layer under <paramref name="scope"/>: <c>Conv2d</c> (plain or depthwise), <c>ConvTranspose2d</c>,
    /// batch norm, <c>Linear</c>, <c>LayerNorm</c>, or any module implementing <see cref="ITfWeights"/>.
    /// Any other module is a container: each registered child is added under <c>{scope}/{child name}</c>, so a
    /// <c>Sequential</c> built from <c>("Conv2d_0a_1x1", ...)</c> pairs maps itself. A layer without weights
    /// (activation, pooling, dropout) adds nothing.
    /// </summary>
    /// <param name="scope">The TF scope, e.g. <c>net/conv1</c> (no trailing slash).</param>
    /// <param name="layer">A layer of the root module.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The layer holds weights of its own but its type has no TF counterpart here; map its tensors with <see cref="Add"/>.</exception>
    public WeightMapBuilder Layer(string scope, nn.Module layer)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(layer);
        switch (layer)
        {
            case ITfWeights composite:
                composite.MapWeights(this, scope);
                break;
            case Convolution conv:
                Convolution(scope, conv);
                break;
            case BatchNorm norm:
                BatchNorm(scope, norm);
                break;
            case Linear linear:
                Add($"{scope}/{Weights}", linear.weight, WeightLayout.DenseKernel);
                AddBias(scope, linear.bias);
                break;
            case LayerNorm norm:
                AddOptional($"{scope}/beta", norm.bias);
                AddOptional($"{scope}/gamma", norm.weight);
                break;
            default:
                Children(scope, layer);
                break;
        }

        return this;
    }

    /// <summary>
    /// Adds batch norm under <paramref name="scope"/> (slim puts it at <c>{layer}/BatchNorm</c>). TF's batch norm
    /// may lack <c>gamma</c> (slim's default <c>scale=False</c>) or <c>beta</c> (<c>center=False</c>): the TorchSharp
    /// weight or bias is then left out of the map and keeps its initial 1 or 0.
    /// </summary>
    /// <param name="scope">The TF scope of the batch-norm variables.</param>
    /// <param name="norm">The TorchSharp batch norm.</param>
    /// <param name="scale">Whether TF has <c>gamma</c>.</param>
    /// <param name="center">Whether TF has <c>beta</c>.</param>
    /// <returns>This builder.</returns>
    public WeightMapBuilder BatchNorm(string scope, BatchNorm norm, bool scale = true, bool center = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(norm);
        if (center)
        {
            AddOptional($"{scope}/beta", norm.bias);
        }
        else
        {
            IgnoreOptional(norm.bias);
        }

        if (scale)
        {
            AddOptional($"{scope}/gamma", norm.weight);
        }
        else
        {
            IgnoreOptional(norm.weight);
        }

        AddOptional($"{scope}/moving_mean", norm.running_mean);
        AddOptional($"{scope}/moving_variance", norm.running_var);

        // TF keeps no per-layer step counter, so the count of batches seen has no TF name.
        IgnoreOptional(norm.num_batches_tracked);
        return this;
    }

    /// <summary>Adds one tensor of the root module under a TF name.</summary>
    /// <param name="tfName">The TF variable name.</param>
    /// <param name="tensor">A parameter or buffer of the root module.</param>
    /// <param name="layout">The layout conversion; <see cref="WeightLayout.AsStored"/> when omitted.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The tensor is not in the root module's <c>state_dict()</c>, or either name is already mapped.</exception>
    public WeightMapBuilder Add(string tfName, Tensor tensor, WeightLayout? layout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(tfName);
        ArgumentNullException.ThrowIfNull(tensor);
        var torchName = TorchName(tensor, tfName);
        if (byTf.TryGetValue(tfName, out var earlier))
        {
            throw new ArgumentException($"The TF name '{tfName}' is already mapped to '{earlier.TorchName}'; '{torchName}' needs its own name.", nameof(tfName));
        }

        if (byTorch.TryGetValue(torchName, out earlier) || ignored.Contains(torchName))
        {
            throw new ArgumentException($"'{torchName}' is already {(earlier is null ? "ignored" : $"mapped to '{earlier.TfName}'")}; it cannot also be '{tfName}'.", nameof(tensor));
        }

        var entry = new WeightMapEntry(tfName, torchName, layout ?? WeightLayout.AsStored);
        byTf.Add(tfName, entry);
        byTorch.Add(torchName, entry);
        return this;
    }

    /// <summary>Leaves a tensor of the root module out of the map on purpose (a TorchSharp-only buffer, a weight TF does not have).</summary>
    /// <param name="tensor">A parameter or buffer of the root module.</param>
    /// <returns>This builder.</returns>
    public WeightMapBuilder Ignore(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var torchName = TorchName(tensor, tfName: null);
        if (byTorch.TryGetValue(torchName, out var entry))
        {
            throw new ArgumentException($"'{torchName}' is mapped to '{entry.TfName}'; it cannot also be ignored.", nameof(tensor));
        }

        ignored.Add(torchName);
        return this;
    }

    /// <summary>Finishes the map.</summary>
    /// <returns>The map.</returns>
    /// <exception cref="InvalidOperationException">A parameter or buffer of the root module has no TF name and was not ignored.</exception>
    public WeightMap Build()
    {
        var unmapped = root.state_dict().Keys.Where(name => !byTorch.ContainsKey(name) && !ignored.Contains(name)).ToArray();
        if (unmapped.Length > 0)
        {
            throw new InvalidOperationException(
                $"The weight map of {root.GetType().Name} leaves {unmapped.Length} parameter(s) or buffer(s) without a TF name: " +
                $"{string.Join(", ", unmapped.Take(10))}{(unmapped.Length > 10 ? ", ..." : string.Empty)}. " +
                $"Add their layers with {nameof(Layer)}, map them with {nameof(Add)}, or leave them out on purpose with {nameof(Ignore)}.");
        }

        return new WeightMap(root, [.. byTf.Values]);
    }

    private void Children(string scope, nn.Module container)
    {
        var own = container.named_parameters(recurse: false).Select(pair => pair.name)
            .Concat(container.named_buffers(recurse: false).Select(pair => pair.name))
            .ToArray();
        if (own.Length > 0)
        {
            throw new ArgumentException(
                $"The layer for '{scope}' is a {container.GetType().Name} holding weights of its own ({string.Join(", ", own)}) and has no known TF counterpart. " +
                $"Map its tensors one by one with {nameof(Add)}, or implement {nameof(ITfWeights)} on it.",
                nameof(container));
        }

        foreach (var (name, child) in container.named_children())
        {
            Layer($"{scope}/{name}", child);
        }
    }

    private string Weights => naming == TfNaming.Slim ? "weights" : "kernel";

    private void Convolution(string scope, Convolution conv)
    {
        if (conv.groups == 1)
        {
            Add($"{scope}/{Weights}", conv.weight, WeightLayout.ConvKernel);
        }
        else if (conv.groups == conv.in_channels && !conv.transposed)
        {
            var name = naming == TfNaming.Slim ? "depthwise_weights" : "depthwise_kernel";
            Add($"{scope}/{name}", conv.weight, WeightLayout.DepthwiseKernel(conv.in_channels));
        }
        else
        {
            throw new ArgumentException(
                $"The convolution for '{scope}' has {conv.groups} groups over {conv.in_channels} channels; TF1 layers have only plain (1 group) and depthwise (one group per channel) convolutions.",
                nameof(conv));
        }

        AddBias(scope, conv.bias);
    }

    private void AddBias(string scope, Tensor? bias) => AddOptional($"{scope}/{(naming == TfNaming.Slim ? "biases" : "bias")}", bias);

    private void AddOptional(string tfName, Tensor? tensor)
    {
        if (tensor is not null)
        {
            Add(tfName, tensor);
        }
    }

    private void IgnoreOptional(Tensor? tensor)
    {
        if (tensor is not null)
        {
            Ignore(tensor);
        }
    }

    private string TorchName(Tensor tensor, string? tfName) =>
        torchNames.TryGetValue(tensor.Handle, out var name)
            ? name
            : throw new ArgumentException(
                $"The tensor given{(tfName is null ? string.Empty : $" for '{tfName}'")} is not a parameter or buffer of {root.GetType().Name} " +
                "(it is not in its state_dict()); add layers of the module the map was started for, after they are registered.",
                nameof(tensor));
}
