using System.Collections.Generic;
using System.Linq;
using Parity.Nn;
using Parity.Samples.InceptionResnetV2.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Native;

/// <summary>
/// The fully migrated Inception-ResNet-v2: module-style, built from <see cref="Parity.Nn"/> layers
/// held in fields, no variable store and no <see cref="TrackVariablesAttribute"/>. Layers build on
/// their first call in the order the legacy code creates its variables (base, aux head, classifier),
/// so both draw the same initial values under a num-random-ops random tool; names map to the legacy
/// ones through <see cref="NativeNames.ToLegacy"/>.
/// </summary>
public sealed class NativeInceptionResnetV2 : Module<Tensor, InceptionOutput>
{
    private const string Root = InceptionResnetV2Net.Scope;
    private readonly Module<Tensor, Tensor>[] trunk;
    private readonly string[] trunkEndpoints;
    private readonly AveragePooling2D auxPool;
    private readonly ConvBn auxConv1b;
    private readonly Dense auxLogits;
    private readonly Dropout dropout;
    private readonly Dense logits;
    private readonly long numClasses;
    private ConvBn? auxConv2a;

    /// <summary>Declares the network.</summary>
    /// <param name="numClasses">Classifier size.</param>
    public NativeInceptionResnetV2(long numClasses)
    {
        this.numClasses = numClasses;
        (string Endpoint, Module<Tensor, Tensor> Layer)[] named =
        [
            ("Conv2d_1a_3x3", new ConvBn($"{Root}/Conv2d_1a_3x3", 32, 3, 2, Padding.Valid)),
            ("Conv2d_2a_3x3", new ConvBn($"{Root}/Conv2d_2a_3x3", 32, 3, padding: Padding.Valid)),
            ("Conv2d_2b_3x3", new ConvBn($"{Root}/Conv2d_2b_3x3", 64, 3)),
            ("MaxPool_3a_3x3", new MaxPooling2D(3, 2, Padding.Valid)),
            ("Conv2d_3b_1x1", new ConvBn($"{Root}/Conv2d_3b_1x1", 80, 1, padding: Padding.Valid)),
            ("Conv2d_4a_3x3", new ConvBn($"{Root}/Conv2d_4a_3x3", 192, 3, padding: Padding.Valid)),
            ("MaxPool_5a_3x3", new MaxPooling2D(3, 2, Padding.Valid)),
            ("Mixed_5b", Mixed5b($"{Root}/Mixed_5b")),
            ("", Repeat(10, $"{Root}/Repeat/block35", name => Block35(name, 0.17))),
            ("Mixed_6a", Mixed6a($"{Root}/Mixed_6a")),
            ("PreAuxLogits", Repeat(20, $"{Root}/Repeat_1/block17", name => Block17(name, 0.10))),
            ("Mixed_7a", Mixed7a($"{Root}/Mixed_7a")),
            ("", Repeat(9, $"{Root}/Repeat_2/block8", name => Block8(name, 0.20, activate: true))),
            ("", Block8($"{Root}/Block8", 1.0, activate: false)),
            ("Conv2d_7b_1x1", new ConvBn($"{Root}/Conv2d_7b_1x1", 1536, 1)),
        ];

        // Layers sit in a plain array so the module finds them as sublayers; "" marks a stage without an endpoint.
        trunk = [.. named.Select(pair => pair.Layer)];
        trunkEndpoints = [.. named.Select(pair => pair.Endpoint)];
        auxPool = new AveragePooling2D(5, 3, Padding.Valid);
        auxConv1b = new ConvBn($"{Root}/AuxLogits/Conv2d_1b_1x1", 128, 1);
        auxLogits = new Dense(numClasses, kernelRegularizer: NativeNames.WeightDecay, biasRegularizer: NativeNames.WeightDecay, name: $"{Root}/AuxLogits/Logits");
        dropout = new Dropout(0.2);
        logits = new Dense(numClasses, kernelRegularizer: NativeNames.WeightDecay, biasRegularizer: NativeNames.WeightDecay, name: $"{Root}/Logits/Logits");
    }

    /// <summary>Classifier size.</summary>
    public long NumClasses => numClasses;

    /// <inheritdoc/>
    protected override InceptionOutput Forward(Tensor input)
    {
        var endpoints = new List<KeyValuePair<string, Tensor>>();
        var net = input;
        Tensor? preAux = null;
        for (var i = 0; i < trunk.Length; i++)
        {
            var endpoint = trunkEndpoints[i];
            net = trunk[i].Call(net);
            if (endpoint.Length > 0)
            {
                endpoints.Add(new(endpoint, net));
            }

            if (endpoint == "PreAuxLogits")
            {
                preAux = net;
            }
        }

        var aux = auxConv1b.Call(auxPool.Call(preAux!));

        // The head's last conv covers the whole remaining feature map, so its kernel is known only now.
        auxConv2a ??= new ConvBn($"{Root}/AuxLogits/Conv2d_2a_5x5", 768, (aux.size(1), aux.size(2)), padding: Padding.Valid);
        aux = auxConv2a.Call(aux);
        aux = auxLogits.Call(aux.reshape(aux.size(0), -1));
        endpoints.Add(new("AuxLogits", aux));

        // Global average pooling: the legacy code's full-size VALID average pool, then flatten.
        net = net.mean([1, 2]);
        net = dropout.Call(net);
        endpoints.Add(new("PreLogitsFlatten", net));
        var output = logits.Call(net);
        endpoints.Add(new("Logits", output));
        endpoints.Add(new("Predictions", output.softmax(-1)));
        return new InceptionOutput(output, endpoints);
    }

    private static Sequence Repeat(int count, string prefix, System.Func<string, Module<Tensor, Tensor>> block) =>
        new([.. Enumerable.Range(1, count).Select(i => block($"{prefix}_{i}"))]);

    private static Branches Mixed5b(string p) => new(
        new ConvBn($"{p}/Branch_0/Conv2d_1x1", 96, 1),
        new Sequence(new ConvBn($"{p}/Branch_1/Conv2d_0a_1x1", 48, 1), new ConvBn($"{p}/Branch_1/Conv2d_0b_5x5", 64, 5)),
        new Sequence(new ConvBn($"{p}/Branch_2/Conv2d_0a_1x1", 64, 1), new ConvBn($"{p}/Branch_2/Conv2d_0b_3x3", 96, 3), new ConvBn($"{p}/Branch_2/Conv2d_0c_3x3", 96, 3)),
        new Sequence(new AveragePooling2D(3, 1, Padding.Same), new ConvBn($"{p}/Branch_3/Conv2d_0b_1x1", 64, 1)));

    private static Branches Mixed6a(string p) => new(
        new ConvBn($"{p}/Branch_0/Conv2d_1a_3x3", 384, 3, 2, Padding.Valid),
        new Sequence(new ConvBn($"{p}/Branch_1/Conv2d_0a_1x1", 256, 1), new ConvBn($"{p}/Branch_1/Conv2d_0b_3x3", 256, 3), new ConvBn($"{p}/Branch_1/Conv2d_1a_3x3", 384, 3, 2, Padding.Valid)),
        new MaxPooling2D(3, 2, Padding.Valid));

    private static Branches Mixed7a(string p) => new(
        new Sequence(new ConvBn($"{p}/Branch_0/Conv2d_0a_1x1", 256, 1), new ConvBn($"{p}/Branch_0/Conv2d_1a_3x3", 384, 3, 2, Padding.Valid)),
        new Sequence(new ConvBn($"{p}/Branch_1/Conv2d_0a_1x1", 256, 1), new ConvBn($"{p}/Branch_1/Conv2d_1a_3x3", 288, 3, 2, Padding.Valid)),
        new Sequence(new ConvBn($"{p}/Branch_2/Conv2d_0a_1x1", 256, 1), new ConvBn($"{p}/Branch_2/Conv2d_0b_3x3", 288, 3), new ConvBn($"{p}/Branch_2/Conv2d_1a_3x3", 320, 3, 2, Padding.Valid)),
        new MaxPooling2D(3, 2, Padding.Valid));

    private static ResidualBlock Block35(string p, double scale) => new(p, 320, scale, activate: true, new Branches(
        new ConvBn($"{p}/Branch_0/Conv2d_1x1", 32, 1),
        new Sequence(new ConvBn($"{p}/Branch_1/Conv2d_0a_1x1", 32, 1), new ConvBn($"{p}/Branch_1/Conv2d_0b_3x3", 32, 3)),
        new Sequence(new ConvBn($"{p}/Branch_2/Conv2d_0a_1x1", 32, 1), new ConvBn($"{p}/Branch_2/Conv2d_0b_3x3", 48, 3), new ConvBn($"{p}/Branch_2/Conv2d_0c_3x3", 64, 3))));

    private static ResidualBlock Block17(string p, double scale) => new(p, 1088, scale, activate: true, new Branches(
        new ConvBn($"{p}/Branch_0/Conv2d_1x1", 192, 1),
        new Sequence(new ConvBn($"{p}/Branch_1/Conv2d_0a_1x1", 128, 1), new ConvBn($"{p}/Branch_1/Conv2d_0b_1x7", 160, (1, 7)), new ConvBn($"{p}/Branch_1/Conv2d_0c_7x1", 192, (7, 1)))));

    private static ResidualBlock Block8(string p, double scale, bool activate) => new(p, 2080, scale, activate, new Branches(
        new ConvBn($"{p}/Branch_0/Conv2d_1x1", 192, 1),
        new Sequence(new ConvBn($"{p}/Branch_1/Conv2d_0a_1x1", 192, 1), new ConvBn($"{p}/Branch_1/Conv2d_0b_1x3", 224, (1, 3)), new ConvBn($"{p}/Branch_1/Conv2d_0c_3x1", 256, (3, 1)))));
}
