using System.Collections.Generic;
using System.Linq;
using Parity.Samples.ResnetV1.Model;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.ResnetV1;

/// <summary>
/// Steps 1 to 3 of the validation method on ResNet v1 50: the shim creates its variables once, the same
/// ones the legacy graph creates, and with the same values gives the same endpoints and regularization
/// loss, both with every variable 0.001 and with distinct values per variable.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ResnetV1ShimTests
{
    // 64x64 reaches every block (block4 runs at 2x2) and keeps the test cheap.
    private const int Size = 64;
    private const double Rtol = 1e-5;
    private const double Atol = 1e-5;
    private LegacyGraph graph = null!;
    private ShimResnetV1 shim = null!;

    [OneTimeSetUp]
    public void BuildOnce()
    {
        graph = new LegacyGraph();
        shim = new ShimResnetV1(LegacyResnetV1.NumClasses);
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            graph.Run(() => LegacyResnetV1.Forward(ones([1, Size, Size, 3]), LegacyResnetV1.NumClasses, isTraining: false));
            shim.Call(ones([1, Size, Size, 3]), training: false);
        }
    }

    [OneTimeTearDown]
    public void DisposeShim() => shim.Dispose();

    [Test]
    public void LaterCallsCreateNoVariables()
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var before = shim.Variables.Count;
        using (VariableCreationScopes.AssertNoVariableCreations())
        {
            shim.Call(ones([1, Size, Size, 3]), training: false);
        }

        using (VariableCreationScopes.CatchAndRaiseCreatedVariables())
        {
            shim.Call(ones([1, Size, Size, 3]), training: true);
        }

        Assert.That(shim.Variables, Has.Count.EqualTo(before));
    }

    [Test]
    public void ShimCreatesTheLegacyGraphsVariables()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => VariableStructure.AssertSame(shim.Variables, graph.GlobalVariables), Throws.Nothing);
            Assert.That(() => VariableStructure.AssertSame(shim.TrainableVariables, graph.TrainableVariables), Throws.Nothing);
            Assert.That(shim.Losses, Has.Count.EqualTo(graph.RegularizationLosses.Count));
        });
    }

    [Test]
    public void EndpointsHaveSlimsNamesInSlimsOrder()
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var names = shim.Call(ones([1, Size, Size, 3]), training: false).Endpoints.Select(pair => pair.Key).ToList();
        const string unit = "resnet_v1_50/block1/unit_1/bottleneck_v1";

        // slim.conv2d collects each conv under its scope, bottleneck its unit, stack_blocks_dense its
        // block (the max pools are not in the collection); resnet_v1 adds the head's four by hand.
        Assert.Multiple(() =>
        {
            Assert.That(names.Take(8), Is.EqualTo(new[] { "resnet_v1_50/conv1", $"{unit}/shortcut", $"{unit}/conv1", $"{unit}/conv2", $"{unit}/conv3", unit, "resnet_v1_50/block1/unit_2/bottleneck_v1/conv1", "resnet_v1_50/block1/unit_2/bottleneck_v1/conv2" }));
            Assert.That(names.TakeLast(6), Is.EqualTo(new[] { "resnet_v1_50/block4/unit_3/bottleneck_v1", "resnet_v1_50/block4", "global_pool", "resnet_v1_50/logits", "resnet_v1_50/spatial_squeeze", "predictions" }));
            Assert.That(names, Is.Unique);
        });
    }

    [Test]
    public void EveryEndpointMatchesWithEveryVariableAtOneThousandth()
    {
        VariableFill.Constant(graph.GlobalVariables);
        VariableFill.Constant(shim.Variables);
        AssertSameEndpoints(ones([1, Size, Size, 3]));
    }

    [Test]
    public void EveryEndpointMatchesWithDistinctValues()
    {
        VariableFill.Distinct(graph.GlobalVariables);
        VariableFill.Distinct(shim.Variables);
        using var generator = new Generator(7);
        AssertSameEndpoints(rand([2, Size, Size, 3], generator: generator));
    }

    private void AssertSameEndpoints(Tensor images)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var expected = graph.Run(() => LegacyResnetV1.Forward(images, LegacyResnetV1.NumClasses, isTraining: false));
        var expectedLoss = Sum(graph.RegularizationLosses);
        var actual = shim.Call(images, training: false);

        // 1 conv1 + 4 x (unit with shortcut: 5 endpoints) + 12 x (unit without: 4) + 4 blocks, then
        // global_pool, logits, spatial_squeeze, predictions.
        Assert.That(actual.Endpoints, Has.Count.EqualTo(1 + (4 * 5) + (12 * 4) + 4 + 4));
        EndpointComparison.AssertAllClose(
            actual.Endpoints.Append(new("regularization_loss", Sum(shim.Losses))),
            expected.Endpoints.Append(new KeyValuePair<string, Tensor>("regularization_loss", expectedLoss)),
            Rtol,
            Atol);
    }

    private static Tensor Sum(IReadOnlyList<Tensor> tensors) => stack(tensors.Select(t => t.reshape(1)).ToArray()).sum();
}
