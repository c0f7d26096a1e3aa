using Parity.Samples.InceptionResnetV2.Model;
using Parity.Slim;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.MobilenetV1;

/// <summary>MobileNet v1 as slim's <c>nets_factory</c> builds it: under <c>mobilenet_v1_arg_scope</c>, 1001 classes, depth multiplier 1.</summary>
public static class LegacyMobilenetV1
{
    /// <summary>The number of classes (ImageNet plus background).</summary>
    public const long NumClasses = 1001;

    /// <summary>Builds and runs MobileNet v1 against the active variable store.</summary>
    /// <param name="images">NHWC images (224×224 is the model's size).</param>
    /// <param name="isTraining">Training mode of batch norm and dropout.</param>
    /// <param name="dropoutKeepProbability">Fraction kept by dropout in training (slim's default 0.999).</param>
    /// <returns>The logits and the endpoints.</returns>
    [RequiresVariableStore]
    public static InceptionOutput Forward(Tensor images, bool isTraining, double dropoutKeepProbability = 0.999)
    {
        using (ArgScope.Open(MobilenetV1Net.ArgScopeFor(isTraining)))
        {
            return MobilenetV1Net.Build(images, NumClasses, dropoutKeepProbability, isTraining);
        }
    }
}
