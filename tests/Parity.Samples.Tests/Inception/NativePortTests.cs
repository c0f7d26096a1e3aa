using System.Linq;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Samples.InceptionResnetV2.Native;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.Inception;

/// <summary>
/// The TorchSharp port against the legacy network's variables: its weight map names every legacy
/// variable and nothing else, copies them in and out bit for bit, and its blocks are sound TorchSharp
/// modules (everything registered, nothing created per call).
/// </summary>
[TestFixture]
public sealed class NativePortTests
{
    private const int Size = 139;
    private LegacyGraph graph = null!;

    [OneTimeSetUp]
    public void BuildOnce()
    {
        graph = new LegacyGraph();
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            graph.Run(() => LegacyInception.Forward(ones([1, Size, Size, 3]), LegacyInception.NumClasses, isTraining: false));
        }
    }

    [Test]
    public void TheWeightMap_NamesExactlyTheLegacyVariables()
    {
        var map = new NativeInceptionResnetV2(LegacyInception.NumClasses, Size).TfWeightMap();

        Assert.That(map.Entries.Select(entry => entry.TfName), Is.EquivalentTo(graph.GlobalVariables.Select(v => v.Name)));
    }

    [Test]
    public void LegacyWeights_CopiedInAndOut_AreBitForBitTheSame()
    {
        var native = new NativeInceptionResnetV2(LegacyInception.NumClasses, Size);
        var map = native.TfWeightMap();
        using (new Parity.Randomness.DeterministicRandomTestTool(mode: Parity.Randomness.DeterministicRandomMode.NumRandomOps).Scope())
        {
            // Distinct random values, so a transposed or swapped copy could not come back equal.
            var seeded = new LegacyGraph();
            using var noGrad = torch.no_grad();
            seeded.Run(() => LegacyInception.Forward(ones([1, Size, Size, 3]), LegacyInception.NumClasses, isTraining: false));
            map.Load(seeded.GlobalVariables);

            var exported = map.ToTf();
            foreach (var variable in seeded.GlobalVariables)
            {
                Assert.That(exported[variable.Name].eq(variable.Value).all().item<bool>(), Is.True, variable.Name);
            }
        }
    }

    [Test]
    public void TheBuildingBlocks_AreSoundTorchSharpModules()
    {
        var input = ones(1, 8, 9, 9);
        Assert.Multiple(() =>
        {
            Assert.That(ModuleCheck.Run(new ConvBn(8, 4, (1, 3)), input).Findings, Is.Empty);
            Assert.That(ModuleCheck.Run(new Branches(Branches.Tower(("Conv2d_1x1", new ConvBn(8, 2, 1))), Branches.Tower(("AvgPool", nn.AvgPool2d(3, 1, 1)))), input).Findings, Is.Empty);
            Assert.That(ModuleCheck.Run(new ResidualBlock(new Branches(new ConvBn(8, 4, 1), new ConvBn(8, 4, 3)), joinedChannels: 8, depth: 8, scale: 0.5), input).Findings, Is.Empty);
        });
    }

    [Test]
    public void AnUnevenSamePadding_IsRefused_NotShiftedByAPixel()
    {
        var error = Assert.Throws<System.ArgumentException>(() => new ConvBn(3, 8, 3, stride: 2));

        Assert.That(error!.Message, Does.StartWith("TF pads a SAME layer with a 3x3 kernel at stride 2 unevenly"));
    }
}
