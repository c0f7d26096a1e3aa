namespace Parity.Mapping;

/// <summary>
/// A composite TorchSharp module that knows the TF names of its weights: a block of a ported model
/// (say a convolution followed by batch norm) adds its layers to a map under the scope it is given,
/// so a model's whole map is built by walking its blocks once.
/// </summary>
public interface ITfWeights
{
    /// <summary>Adds this module's weights to the map.</summary>
    /// <param name="map">The map being built.</param>
    /// <param name="scope">The TF scope this module stands for, e.g. <c>InceptionResnetV2/Mixed_5b</c>.</param>
    void MapWeights(WeightMapBuilder map, string scope);
}
