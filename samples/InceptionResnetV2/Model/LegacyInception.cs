using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Model;

/// <summary>
/// The legacy forward pass exactly as the validation guide writes it: the network under its arg
/// scope with <c>batch_norm_scale = true</c>. Functional scoped-variable code: run it in a
/// <see cref="LegacyGraph"/> (the TF1 side) or inside a tracked module (<see cref="ShimInceptionResnetV2"/>).
/// </summary>
public static class LegacyInception
{
    /// <summary>The number of classes the guide uses.</summary>
    public const long NumClasses = 1000;

    /// <summary>Builds and runs Inception-ResNet-v2 against the active variable store.</summary>
    /// <param name="inputs">NHWC images.</param>
    /// <param name="numClasses">Classifier size.</param>
    /// <param name="isTraining">Training mode of batch norm and dropout.</param>
    /// <returns>The logits and the endpoints.</returns>
    [RequiresVariableStore]
    public static InceptionOutput Forward(Tensor inputs, long numClasses, bool isTraining)
    {
        using (InceptionArgScope.Push(batchNormScale: true))
        {
            return InceptionResnetV2Net.Build(inputs, numClasses, isTraining);
        }
    }
}
