using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Benchmarks.Models.HandWritten;

/// <summary>
/// Inception-ResNet-v2 written directly on TorchSharp's torch.nn layers, in NCHW, with no Parity code:
/// the yardstick for Parity's ports on the same engine. It is the network of samples/InceptionResnetV2
/// and of benchmarks/peer/inception_resnet_v2.py (TF-Slim's layout, TF paddings, batch-norm epsilon
/// 0.001, aux head, dropout keep 0.8), laid out as that PyTorch model is, op for op. Each block runs in
/// its own dispose scope and moves only its output out (TorchSharp's advice for a module's forward),
/// and <c>nn.Sequential</c> frees each block's input as soon as the next block has it.
/// </summary>
internal sealed class HandWrittenInceptionResnetV2 : nn.Module<Tensor, (Tensor Logits, Tensor AuxLogits)>
{
    private readonly Sequential stem1;
    private readonly Sequential stem2;
    private readonly Branches mixed5b;
    private readonly Sequential repeat35;
    private readonly Branches mixed6a;
    private readonly Sequential repeat17;
    private readonly Sequential aux;
    private readonly Linear auxLogits;
    private readonly Branches mixed7a;
    private readonly Sequential repeat8;
    private readonly ConvBn conv7b;
    private readonly Dropout dropout;
    private readonly Linear logits;

    /// <summary>Declares the network for square inputs of <paramref name="size"/> pixels (the aux head's last kernel covers its whole feature map).</summary>
    public HandWrittenInceptionResnetV2(long numClasses, long size)
        : base(nameof(HandWrittenInceptionResnetV2))
    {
        stem1 = nn.Sequential(
            new ConvBn(3, 32, 3, stride: 2),
            new ConvBn(32, 32, 3),
            new ConvBn(32, 64, 3, same: true),
            nn.MaxPool2d(3, 2));
        stem2 = nn.Sequential(
            new ConvBn(64, 80, 1),
            new ConvBn(80, 192, 3),
            nn.MaxPool2d(3, 2));
        mixed5b = new Branches(
            new ConvBn(192, 96, 1),
            nn.Sequential(new ConvBn(192, 48, 1), new ConvBn(48, 64, 5, same: true)),
            nn.Sequential(new ConvBn(192, 64, 1), new ConvBn(64, 96, 3, same: true), new ConvBn(96, 96, 3, same: true)),
            nn.Sequential(nn.AvgPool2d(3, 1, 1, count_include_pad: false), new ConvBn(192, 64, 1)));
        repeat35 = nn.Sequential(Enumerable.Range(0, 10).Select(_ => (nn.Module<Tensor, Tensor>)Block35()));
        mixed6a = new Branches(
            new ConvBn(320, 384, 3, stride: 2),
            nn.Sequential(new ConvBn(320, 256, 1), new ConvBn(256, 256, 3, same: true), new ConvBn(256, 384, 3, stride: 2)),
            nn.MaxPool2d(3, 2));
        repeat17 = nn.Sequential(Enumerable.Range(0, 20).Select(_ => (nn.Module<Tensor, Tensor>)Block17()));
        aux = nn.Sequential(
            nn.AvgPool2d(5, 3),
            new ConvBn(1088, 128, 1),
            new ConvBn(128, 768, AuxKernel(size)));
        auxLogits = nn.Linear(768, numClasses);
        mixed7a = new Branches(
            nn.Sequential(new ConvBn(1088, 256, 1), new ConvBn(256, 384, 3, stride: 2)),
            nn.Sequential(new ConvBn(1088, 256, 1), new ConvBn(256, 288, 3, stride: 2)),
            nn.Sequential(new ConvBn(1088, 256, 1), new ConvBn(256, 288, 3, same: true), new ConvBn(288, 320, 3, stride: 2)),
            nn.MaxPool2d(3, 2));
        repeat8 = nn.Sequential(Enumerable.Range(0, 10).Select(i => (nn.Module<Tensor, Tensor>)Block8(i < 9)));
        conv7b = new ConvBn(2080, 1536, 1);
        dropout = nn.Dropout(0.2);
        logits = nn.Linear(1536, numClasses);
        RegisterComponents();
    }

    public override (Tensor Logits, Tensor AuxLogits) forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = repeat17.call(mixed6a.call(repeat35.call(mixed5b.call(stem2.call(stem1.call(input))))));
        var auxOutput = auxLogits.call(aux.call(x).flatten(1));
        x = conv7b.call(repeat8.call(mixed7a.call(x)));
        var output = logits.call(dropout.call(x.mean([2, 3])));
        return (output.MoveToOuterDisposeScope(), auxOutput.MoveToOuterDisposeScope());
    }

    /// <summary>Spatial size of the aux head's input after its 5x5/3 pool (5 at 299, 1 at 139).</summary>
    private static long AuxKernel(long size)
    {
        static long Valid(long s, long k, long stride) => ((s - k) / stride) + 1;
        var s = Valid(Valid(size, 3, 2), 3, 1);
        s = Valid(Valid(Valid(s, 3, 2), 3, 1), 3, 2);
        s = Valid(s, 3, 2);
        return Valid(s, 5, 3);
    }

    private static ScaledResidual Block35() => new(
        new Branches(
            new ConvBn(320, 32, 1),
            nn.Sequential(new ConvBn(320, 32, 1), new ConvBn(32, 32, 3, same: true)),
            nn.Sequential(new ConvBn(320, 32, 1), new ConvBn(32, 48, 3, same: true), new ConvBn(48, 64, 3, same: true))),
        mixedChannels: 128,
        depth: 320,
        scale: 0.17);

    private static ScaledResidual Block17() => new(
        new Branches(
            new ConvBn(1088, 192, 1),
            nn.Sequential(new ConvBn(1088, 128, 1), new ConvBn(128, 160, (1, 7), same: true), new ConvBn(160, 192, (7, 1), same: true))),
        mixedChannels: 384,
        depth: 1088,
        scale: 0.10);

    private static ScaledResidual Block8(bool activate) => new(
        new Branches(
            new ConvBn(2080, 192, 1),
            nn.Sequential(new ConvBn(2080, 192, 1), new ConvBn(192, 224, (1, 3), same: true), new ConvBn(224, 256, (3, 1), same: true))),
        mixedChannels: 448,
        depth: 2080,
        scale: activate ? 0.20 : 1.0,
        activate);
}
