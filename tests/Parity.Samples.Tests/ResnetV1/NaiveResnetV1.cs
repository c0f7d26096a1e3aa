using System.Collections.Generic;
using System.Linq;
using Parity.Samples.ResnetV1.Model;
using static Parity.Compat.VariableScopes;
using static Parity.Slim.Layers.SlimLayers;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.ResnetV1;

/// <summary>
/// A wrong port: its bottleneck reads <c>conv2d_same(net, depth, 3, stride)</c> as a plain SAME conv with
/// that stride. Same variables, same names; on even feature maps TF's SAME pads 0 cells before and 1
/// after where conv2d_same pads 1 and 1, so every strided window sits one cell off. The legacy graph
/// and a shim built from this code agree with each other; only an outside reference sees it.
/// </summary>
internal static class NaiveResnetV1
{
    public static ResnetOutput Forward(Tensor images, bool isTraining)
    {
        using (ResnetArgScope.Push())
        {
            var blocks = ResnetV1Net.Resnet50Blocks.Select(block => block with { UnitFunction = Bottleneck }).ToList();
            return ResnetV1Net.Build(images, blocks, LegacyResnetV1.NumClasses, isTraining, ResnetV1Net.Resnet50Scope);
        }
    }

    private static Tensor Bottleneck(Tensor inputs, ResnetUnit unit, List<KeyValuePair<string, Tensor>> endpoints)
    {
        using var scope = VariableScope("bottleneck_v1");
        var shortcut = inputs.size(3) == unit.Depth
            ? ResnetUtils.Subsample(inputs, unit.Stride, "shortcut")
            : Add(endpoints, $"{scope.Name}/shortcut", Conv2d(inputs, unit.Depth, 1, stride: unit.Stride, activationFn: null, scope: "shortcut"));
        var residual = Add(endpoints, $"{scope.Name}/conv1", Conv2d(inputs, unit.DepthBottleneck, 1, scope: "conv1"));
        residual = Add(endpoints, $"{scope.Name}/conv2", Conv2d(residual, unit.DepthBottleneck, 3, stride: unit.Stride, padding: Padding.Same, scope: "conv2"));
        residual = Add(endpoints, $"{scope.Name}/conv3", Conv2d(residual, unit.Depth, 1, activationFn: null, scope: "conv3"));
        return Add(endpoints, scope.Name, (shortcut + residual).relu());
    }

    private static Tensor Add(List<KeyValuePair<string, Tensor>> endpoints, string name, Tensor net)
    {
        endpoints.Add(new(name, net));
        return net;
    }
}
