using Parity.Samples.InceptionResnetV2.MobilenetV1;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Slim;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.SlimNets;

/// <summary>MobileNet v1 as slim's nets_factory builds it: under <c>mobilenet_v1_arg_scope</c>, 1001 classes.</summary>
internal static class LegacyMobilenetV1
{
    public static InceptionOutput Forward(Tensor images, bool isTraining, double dropoutKeepProbability = 0.999)
    {
        using (ArgScope.Open(MobilenetV1Net.ArgScopeFor(isTraining)))
        {
            return MobilenetV1Net.Build(images, 1001, dropoutKeepProbability, isTraining);
        }
    }
}
