namespace Parity.Mapping;

/// <summary>One weight known by both names: its TF variable name and its TorchSharp <c>state_dict()</c> key.</summary>
/// <param name="TfName">The TF variable name, e.g. <c>net/conv1/weights</c>.</param>
/// <param name="TorchName">The TorchSharp key, e.g. <c>conv1.conv.weight</c>.</param>
/// <param name="Layout">How the two layouts differ.</param>
public sealed record WeightMapEntry(string TfName, string TorchName, WeightLayout Layout);
