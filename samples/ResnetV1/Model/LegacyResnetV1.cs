using static TorchSharp.torch;

namespace Parity.Samples.ResnetV1.Model;

/// <summary>
/// The legacy forward pass as slim's nets_factory builds ResNet v1 50: the network under
/// <c>resnet_arg_scope()</c>. Functional scoped-variable code: run it in a <see cref="LegacyGraph"/>
/// (the TF1 side) or inside a tracked module (<see cref="ShimResnetV1"/>).
/// </summary>
public static class LegacyResnetV1
{
    /// <summary>The number of classes slim's ResNet v1 checkpoints have (no background class).</summary>
    public const long NumClasses = 1000;

    /// <summary>The input size the network was trained at.</summary>
    public const int DefaultImageSize = 224;

    /// <summary>Builds and runs ResNet v1 50 against the active variable store.</summary>
    /// <param name="inputs">NHWC images.</param>
    /// <param name="numClasses">Classifier size.</param>
    /// <param name="isTraining">Training mode of batch norm.</param>
    /// <returns>The logits and the endpoints.</returns>
    [RequiresVariableStore]
    public static ResnetOutput Forward(Tensor inputs, long numClasses, bool isTraining)
    {
        using (ResnetArgScope.Push())
        {
            return ResnetV1Net.Resnet50(inputs, numClasses, isTraining);
        }
    }
}
