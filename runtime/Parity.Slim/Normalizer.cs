using static TorchSharp.torch;

namespace Parity.Slim;

/// <summary>
/// Slim's <c>normalizer_fn</c>: called as <c>normalizer_fn(outputs, **normalizer_params)</c> inside the
/// layer's scope. <see cref="Layers.SlimLayers.BatchNormalizer"/> is <c>slim.batch_norm</c>.
/// </summary>
/// <param name="inputs">The layer's output before normalization.</param>
/// <param name="parameters">The layer's <c>normalizer_params</c> (explicit arguments; the normalizer's own arg scope still applies under them).</param>
/// <returns>The normalized output.</returns>
public delegate Tensor Normalizer(Tensor inputs, SlimArgs parameters);
