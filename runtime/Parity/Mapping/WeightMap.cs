using System;
using System.Collections.Generic;
using System.Linq;
using Parity.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Mapping;

/// <summary>
/// The two names of every weight of one TorchSharp module, its TF variable name and its
/// <c>state_dict()</c> key, with the layout conversion between them (HWIO ↔ OIHW, dense kernel
/// transposed). Loads TF-named values into the module and exports the module's weights under their TF
/// names; either way the conversion happens once, here, never in the forward pass.
/// Build one with <see cref="WeightMapBuilder"/>.
/// </summary>
public sealed class WeightMap
{
    private readonly nn.Module root;
    private readonly Dictionary<string, WeightMapEntry> byTf;
    private readonly Dictionary<string, WeightMapEntry> byTorch;

    internal WeightMap(nn.Module root, IReadOnlyList<WeightMapEntry> entries)
    {
        this.root = root;
        Entries = entries;
        byTf = entries.ToDictionary(entry => entry.TfName, StringComparer.Ordinal);
        byTorch = entries.ToDictionary(entry => entry.TorchName, StringComparer.Ordinal);
    }

    /// <summary>Every mapped weight, in the order it was added.</summary>
    public IReadOnlyList<WeightMapEntry> Entries { get; }

    /// <summary>The TF name of a <c>state_dict()</c> key.</summary>
    /// <param name="torchName">The TorchSharp key.</param>
    /// <returns>The TF variable name.</returns>
    /// <exception cref="KeyNotFoundException">The key is not mapped.</exception>
    public string ToTfName(string torchName) =>
        byTorch.TryGetValue(torchName, out var entry) ? entry.TfName : throw new KeyNotFoundException($"'{torchName}' has no TF name in this map.");

    /// <summary>The <c>state_dict()</c> key of a TF variable name.</summary>
    /// <param name="tfName">The TF variable name.</param>
    /// <returns>The TorchSharp key.</returns>
    /// <exception cref="KeyNotFoundException">The name is not mapped.</exception>
    public string ToTorchName(string tfName) =>
        byTf.TryGetValue(tfName, out var entry) ? entry.TorchName : throw new KeyNotFoundException($"'{tfName}' is not mapped to a TorchSharp weight.");

    /// <summary>
    /// Copies TF-named values (a checkpoint's tensors, a legacy model's variables) into the module,
    /// converting each to TorchSharp's layout. Every name, shape and dtype is checked first: unless
    /// <paramref name="allowPartial"/> is set, a missing, unexpected or mismatched name fails the load
    /// before any weight changes, and the report says which (a shape that is a reordering of the
    /// expected one is pointed out as a layout mix-up).
    /// </summary>
    /// <param name="tfTensors">Values by TF name, in TF's layout; the caller keeps ownership.</param>
    /// <param name="source">What the values are, for the report (a file path, "legacy variables").</param>
    /// <param name="allowPartial">Copy what matches and report the rest instead of failing.</param>
    /// <returns>What was loaded, missing, unexpected or mismatched.</returns>
    /// <exception cref="CheckpointMismatchException">Names, shapes or dtypes do not line up and <paramref name="allowPartial"/> is false.</exception>
    public CheckpointLoadReport Load(IReadOnlyDictionary<string, Tensor> tfTensors, string source = "TF-named tensors", bool allowPartial = false)
    {
        ArgumentNullException.ThrowIfNull(tfTensors);
        var state = root.state_dict();
        var targets = Entries.Select(entry =>
        {
            var current = state[entry.TorchName];
            return new LoadTarget(entry.TfName, entry.Layout.TfShape(current.shape), current.dtype, value => Copy(current, entry.Layout, value));
        }).ToArray();
        return NamedLoad.Apply(source, tfTensors, targets, nameMap: null, allowPartial);
    }

    /// <summary>Copies variables (a legacy graph's, a Parity module's) into the module by their TF names; see <see cref="Load(IReadOnlyDictionary{string, Tensor}, string, bool)"/>.</summary>
    /// <param name="variables">The variables.</param>
    /// <param name="allowPartial">Copy what matches and report the rest instead of failing.</param>
    /// <returns>What was loaded, missing, unexpected or mismatched.</returns>
    /// <exception cref="ArgumentException">Two variables share a name.</exception>
    /// <exception cref="CheckpointMismatchException">Names, shapes or dtypes do not line up and <paramref name="allowPartial"/> is false.</exception>
    public CheckpointLoadReport Load(IEnumerable<Variable> variables, bool allowPartial = false)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var values = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            if (!values.TryAdd(variable.Name, variable.Value))
            {
                throw new ArgumentException($"Two variables are named '{variable.Name}'; a load by name needs unique names.", nameof(variables));
            }
        }

        return Load(values, "variables", allowPartial);
    }

    /// <summary>The module's weights under their TF names, converted to TF's layout (new tensors, detached from autograd).</summary>
    /// <returns>Values by TF name, in the map's order.</returns>
    public IReadOnlyDictionary<string, Tensor> ToTf()
    {
        using var noGrad = torch.no_grad();
        var state = root.state_dict();
        var values = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            var current = state[entry.TorchName].detach();
            var converted = entry.Layout.ToTf(current);
            values.Add(entry.TfName, ReferenceEquals(converted, current) ? current.clone() : converted);
        }

        return values;
    }

    private static void Copy(Tensor destination, WeightLayout layout, Tensor tfValue)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        destination.copy_(layout.ToTorch(tfValue));
    }
}
