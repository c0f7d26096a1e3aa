using System.Collections.Generic;
using System.Linq;
using Parity.Mapping;
using Parity.Samples.InceptionResnetV2.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>
/// The fully migrated Inception-ResNet-v2, written as a TorchSharp user writes a model: TorchSharp's own
/// <c>Conv2d</c>, <c>BatchNorm2d</c>, pools and <c>Linear</c>, NCHW activations, no Parity code in the
/// forward pass. Layers are registered under the names of their TF scopes, so <see cref="TfWeightMap"/>
/// relates every weight to its TF-Slim name (<c>InceptionResnetV2/Mixed_5b/Branch_1/Conv2d_0b_5x5/weights</c>)
/// and converts the layouts (HWIO → OIHW, dense kernels transposed) once, when weights are copied.
/// Like every TorchSharp module it starts in training mode: call <c>eval()</c> for inference.
/// </summary>
public sealed class NativeInceptionResnetV2 : nn.Module<Tensor, InceptionOutput>, ITfWeights
{
    /// <summary>Slim's weight decay under the Inception arg scope (L2 of scale·Σw²/2 on conv and dense weights and biases).</summary>
    public const double WeightDecay = 0.00004;

    /// <summary>Endpoint names of the trunk stages that have one; the repeated blocks and the last Block8 have none.</summary>
    private static readonly Dictionary<string, string> EndpointOfStage = new()
    {
        ["Conv2d_1a_3x3"] = "Conv2d_1a_3x3",
        ["Conv2d_2a_3x3"] = "Conv2d_2a_3x3",
        ["Conv2d_2b_3x3"] = "Conv2d_2b_3x3",
        ["MaxPool_3a_3x3"] = "MaxPool_3a_3x3",
        ["Conv2d_3b_1x1"] = "Conv2d_3b_1x1",
        ["Conv2d_4a_3x3"] = "Conv2d_4a_3x3",
        ["MaxPool_5a_3x3"] = "MaxPool_5a_3x3",
        ["Mixed_5b"] = "Mixed_5b",
        ["Mixed_6a"] = "Mixed_6a",
        ["Repeat_1"] = "PreAuxLogits",
        ["Mixed_7a"] = "Mixed_7a",
        ["Conv2d_7b_1x1"] = "Conv2d_7b_1x1",
    };

    /// <summary>The trunk's stages under their TF scope names, in order (a named <c>Sequential</c> run stage by stage, for the endpoints).</summary>
    private readonly Sequential trunk;
    private readonly Sequential auxHead;
    private readonly Linear auxLogits;
    private readonly Dropout dropout;
    private readonly Linear logits;

    /// <summary>Declares the network for square NCHW images of <paramref name="imageSize"/> pixels.</summary>
    /// <param name="numClasses">Classifier size.</param>
    /// <param name="imageSize">Image height and width; the aux head's last kernel covers its whole feature map, so it depends on it.</param>
    public NativeInceptionResnetV2(long numClasses, long imageSize)
        : base(nameof(NativeInceptionResnetV2))
    {
        (string, nn.Module<Tensor, Tensor>)[] stages =
        [
            ("Conv2d_1a_3x3", new ConvBn(3, 32, 3, stride: 2, same: false)),
            ("Conv2d_2a_3x3", new ConvBn(32, 32, 3, same: false)),
            ("Conv2d_2b_3x3", new ConvBn(32, 64, 3)),
            ("MaxPool_3a_3x3", nn.MaxPool2d(3, 2)),
            ("Conv2d_3b_1x1", new ConvBn(64, 80, 1, same: false)),
            ("Conv2d_4a_3x3", new ConvBn(80, 192, 3, same: false)),
            ("MaxPool_5a_3x3", nn.MaxPool2d(3, 2)),
            ("Mixed_5b", Mixed5b()),
            ("Repeat", Repeat(10, "block35", Block35)),
            ("Mixed_6a", Mixed6a()),
            ("Repeat_1", Repeat(20, "block17", Block17)),
            ("Mixed_7a", Mixed7a()),
            ("Repeat_2", Repeat(9, "block8", () => Block8(activate: true))),
            ("Block8", Block8(activate: false)),
            ("Conv2d_7b_1x1", new ConvBn(2080, 1536, 1)),
        ];
        trunk = nn.Sequential(stages);

        auxHead = nn.Sequential(
            ("Conv2d_1a_3x3", nn.AvgPool2d(5, 3)), // slim names this 5x5/3 pool's scope Conv2d_1a_3x3
            ("Conv2d_1b_1x1", new ConvBn(1088, 128, 1)),
            ("Conv2d_2a_5x5", new ConvBn(128, 768, AuxKernel(imageSize), same: false)));
        auxLogits = nn.Linear(768, numClasses);
        dropout = nn.Dropout(0.2);
        logits = nn.Linear(1536, numClasses);
        RegisterComponents();
    }

    /// <summary>The map between this model's weights and the legacy model's TF-Slim variables.</summary>
    /// <returns>The map.</returns>
    public WeightMap TfWeightMap() => new WeightMapBuilder(this).Layer(InceptionResnetV2Net.Scope, this).Build();

    /// <inheritdoc/>
    public void MapWeights(WeightMapBuilder map, string scope)
    {
        map.Layer(scope, trunk)
            .Layer($"{scope}/AuxLogits", auxHead)
            .Layer($"{scope}/AuxLogits/Logits", auxLogits)
            .Layer($"{scope}/Logits/Logits", logits);
    }

    /// <summary>Slim's weight decay as a loss, the way a TorchSharp user adds it: scale·Σw²/2 over every convolution's and dense layer's weight and bias.</summary>
    /// <returns>The scalar loss.</returns>
    public Tensor RegularizationLoss()
    {
        var weights = modules().SelectMany(module => module switch
        {
            Conv2d conv => new Tensor?[] { conv.weight, conv.bias },
            Linear linear => [linear.weight, linear.bias],
            _ => [],
        }).OfType<Tensor>();
        return weights.Select(weight => weight.square().sum()).Aggregate((total, next) => total + next) * (WeightDecay / 2);
    }

    /// <summary>Runs the network on NCHW images.</summary>
    /// <param name="input">(batch, 3, height, width) images, NCHW-contiguous.</param>
    /// <returns>The logits and TF-Slim's endpoints (4-D ones in NCHW).</returns>
    public override InceptionOutput forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var endpoints = new List<KeyValuePair<string, Tensor>>();
        var net = input;
        Tensor? preAux = null;
        foreach (var (name, stage) in trunk.named_children())
        {
            net = ((nn.Module<Tensor, Tensor>)stage).call(net);
            if (EndpointOfStage.TryGetValue(name, out var endpoint))
            {
                endpoints.Add(new(endpoint, net));
                preAux = endpoint == "PreAuxLogits" ? net : preAux;
            }
        }

        endpoints.Add(new("AuxLogits", auxLogits.call(auxHead.call(preAux!).flatten(1))));

        // Global average pooling: the legacy code's full-size VALID average pool, then flatten.
        net = dropout.call(net.mean([2, 3]));
        endpoints.Add(new("PreLogitsFlatten", net));
        var output = logits.call(net);
        endpoints.Add(new("Logits", output));
        endpoints.Add(new("Predictions", output.softmax(-1)));
        foreach (var (_, tensor) in endpoints)
        {
            tensor.MoveToOuterDisposeScope();
        }

        return new InceptionOutput(output, endpoints);
    }

    /// <summary>Spatial size of the aux head's input after its 5x5/3 pool (5 at 299, 1 at 139).</summary>
    private static long AuxKernel(long size)
    {
        static long Valid(long s, long k, long stride) => ((s - k) / stride) + 1;
        var s = Valid(Valid(size, 3, 2), 3, 1); // Conv2d_1a_3x3, Conv2d_2a_3x3
        s = Valid(Valid(Valid(s, 3, 2), 3, 1), 3, 2); // MaxPool_3a_3x3, Conv2d_4a_3x3, MaxPool_5a_3x3
        s = Valid(s, 3, 2); // Mixed_6a
        return Valid(s, 5, 3);
    }

    private static Sequential Repeat(int count, string name, System.Func<nn.Module<Tensor, Tensor>> block) =>
        nn.Sequential(Enumerable.Range(1, count).Select(i => ($"{name}_{i}", block())));

    private static Branches Mixed5b() => new(
        Branches.Tower(("Conv2d_1x1", new ConvBn(192, 96, 1))),
        Branches.Tower(("Conv2d_0a_1x1", new ConvBn(192, 48, 1)), ("Conv2d_0b_5x5", new ConvBn(48, 64, 5))),
        Branches.Tower(("Conv2d_0a_1x1", new ConvBn(192, 64, 1)), ("Conv2d_0b_3x3", new ConvBn(64, 96, 3)), ("Conv2d_0c_3x3", new ConvBn(96, 96, 3))),
        Branches.Tower(("AvgPool_0a_3x3", nn.AvgPool2d(3, 1, 1, count_include_pad: false)), ("Conv2d_0b_1x1", new ConvBn(192, 64, 1))));

    private static Branches Mixed6a() => new(
        Branches.Tower(("Conv2d_1a_3x3", new ConvBn(320, 384, 3, stride: 2, same: false))),
        Branches.Tower(("Conv2d_0a_1x1", new ConvBn(320, 256, 1)), ("Conv2d_0b_3x3", new ConvBn(256, 256, 3)), ("Conv2d_1a_3x3", new ConvBn(256, 384, 3, stride: 2, same: false))),
        Branches.Tower(("MaxPool_1a_3x3", nn.MaxPool2d(3, 2))));

    private static Branches Mixed7a() => new(
        Branches.Tower(("Conv2d_0a_1x1", new ConvBn(1088, 256, 1)), ("Conv2d_1a_3x3", new ConvBn(256, 384, 3, stride: 2, same: false))),
        Branches.Tower(("Conv2d_0a_1x1", new ConvBn(1088, 256, 1)), ("Conv2d_1a_3x3", new ConvBn(256, 288, 3, stride: 2, same: false))),
        Branches.Tower(("Conv2d_0a_1x1", new ConvBn(1088, 256, 1)), ("Conv2d_0b_3x3", new ConvBn(256, 288, 3)), ("Conv2d_1a_3x3", new ConvBn(288, 320, 3, stride: 2, same: false))),
        Branches.Tower(("MaxPool_1a_3x3", nn.MaxPool2d(3, 2))));

    private static ResidualBlock Block35() => new(
        new Branches(
            Branches.Tower(("Conv2d_1x1", new ConvBn(320, 32, 1))),
            Branches.Tower(("Conv2d_0a_1x1", new ConvBn(320, 32, 1)), ("Conv2d_0b_3x3", new ConvBn(32, 32, 3))),
            Branches.Tower(("Conv2d_0a_1x1", new ConvBn(320, 32, 1)), ("Conv2d_0b_3x3", new ConvBn(32, 48, 3)), ("Conv2d_0c_3x3", new ConvBn(48, 64, 3)))),
        joinedChannels: 128,
        depth: 320,
        scale: 0.17);

    private static ResidualBlock Block17() => new(
        new Branches(
            Branches.Tower(("Conv2d_1x1", new ConvBn(1088, 192, 1))),
            Branches.Tower(("Conv2d_0a_1x1", new ConvBn(1088, 128, 1)), ("Conv2d_0b_1x7", new ConvBn(128, 160, (1, 7))), ("Conv2d_0c_7x1", new ConvBn(160, 192, (7, 1))))),
        joinedChannels: 384,
        depth: 1088,
        scale: 0.10);

    private static ResidualBlock Block8(bool activate) => new(
        new Branches(
            Branches.Tower(("Conv2d_1x1", new ConvBn(2080, 192, 1))),
            Branches.Tower(("Conv2d_0a_1x1", new ConvBn(2080, 192, 1)), ("Conv2d_0b_1x3", new ConvBn(192, 224, (1, 3))), ("Conv2d_0c_3x1", new ConvBn(224, 256, (3, 1))))),
        joinedChannels: 448,
        depth: 2080,
        scale: activate ? 0.20 : 1.0,
        activate);
}
