using Parity.Samples.InceptionResnetV2.Model;
using Parity.Slim;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.ResnetV1;

/// <summary>ResNet v1 50 as slim's <c>nets_factory</c> builds it: under <c>resnet_arg_scope</c>, 1000 classes.</summary>
public static class LegacyResnetV1
{
    /// <summary>The number of classes.</summary>
    public const long NumClasses = 1000;

    /// <summary>Builds and runs ResNet v1 50 against the active variable store.</summary>
    /// <param name="images">NHWC images (224×224 is the model's size).</param>
    /// <param name="isTraining">Batch norm's training mode.</param>
    /// <returns>The logits and the endpoints.</returns>
    [RequiresVariableStore]
    public static InceptionOutput Forward(Tensor images, bool isTraining)
    {
        using (ArgScope.Open(ResnetV1Net.ArgScopeFor()))
        {
            return ResnetV1Net.Build(images, NumClasses, isTraining);
        }
    }
}
