using Parity.Samples.InceptionResnetV2.Model;
using Parity.Samples.InceptionResnetV2.ResnetV1;
using Parity.Slim;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.SlimNets;

/// <summary>ResNet v1 50 as slim's nets_factory builds it: under <c>resnet_arg_scope</c>, 1000 classes.</summary>
internal static class LegacyResnetV1
{
    public static InceptionOutput Forward(Tensor images, bool isTraining)
    {
        using (ArgScope.Open(ResnetV1Net.ArgScopeFor()))
        {
            return ResnetV1Net.Build(images, 1000, isTraining);
        }
    }
}
