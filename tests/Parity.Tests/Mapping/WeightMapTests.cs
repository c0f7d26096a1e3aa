using System;
using System.Collections.Generic;
using System.Linq;
using Parity.Checkpoints;
using Parity.Mapping;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Tests.Mapping;

/// <summary>
/// TF-named weights copied into TorchSharp's own layers through a <see cref="WeightMap"/>: the layers
/// then compute what TF's arithmetic computes on the TF-layout arrays (written out as loops in
/// <see cref="TfConventions"/>), names follow slim or tf.layers, and a bad load changes nothing.
/// </summary>
public class WeightMapTests
{
    /// <summary>Distinct values so a transposed or shuffled copy cannot go unnoticed.</summary>
    private static float Value(int index) => (float)Math.Round(Math.Sin(index * 1.7) * 0.5, 3);

    private static T Fill<T>(T array)
        where T : class, System.Collections.IEnumerable
    {
        var values = (Array)(object)array;
        var index = 0;
        var indices = new int[values.Rank];
        for (var flat = 0; flat < values.Length; flat++)
        {
            var rest = flat;
            for (var axis = values.Rank - 1; axis >= 0; axis--)
            {
                indices[axis] = rest % values.GetLength(axis);
                rest /= values.GetLength(axis);
            }

            values.SetValue(Value(++index), indices);
        }

        return array;
    }

    private static Tensor Tf(Array array) =>
        tensor(array.Cast<float>().ToArray(), Enumerable.Range(0, array.Rank).Select(axis => (long)array.GetLength(axis)).ToArray());

    private sealed class ConvNet : nn.Module<Tensor, Tensor>
    {
        public readonly Conv2d Conv = nn.Conv2d(2, 3, 2);
        public readonly BatchNorm2d Norm = nn.BatchNorm2d(3);

        public ConvNet()
            : base(nameof(ConvNet)) => RegisterComponents();

        public override Tensor forward(Tensor input) => Conv.forward(input);
    }

    private sealed class Head : nn.Module<Tensor, Tensor>
    {
        public readonly Linear Logits = nn.Linear(4, 3);

        public Head()
            : base(nameof(Head)) => RegisterComponents();

        public override Tensor forward(Tensor input) => Logits.forward(input);
    }

    [Test]
    public void AConvKernel_InHwio_ComputesTfsConvolution_InTorchSharpsConv2d()
    {
        var image = Fill(new float[4, 5, 2]);
        var kernel = Fill(new float[2, 2, 2, 3]);
        float[] bias = [0.1f, -0.2f, 0.3f];
        var net = new ConvNet();
        var map = new WeightMapBuilder(net).Layer("net/conv", net.Conv).Layer("net/conv/BatchNorm", net.Norm).Build();

        map.Load(new Dictionary<string, Tensor>
        {
            ["net/conv/weights"] = Tf(kernel),
            ["net/conv/biases"] = Tf(bias),
            ["net/conv/BatchNorm/gamma"] = ones(3),
            ["net/conv/BatchNorm/beta"] = zeros(3),
            ["net/conv/BatchNorm/moving_mean"] = zeros(3),
            ["net/conv/BatchNorm/moving_variance"] = ones(3),
        });

        using var noGrad = no_grad();
        var nchw = Tf(image).unsqueeze(0).permute(0, 3, 1, 2).contiguous();
        var actual = net.forward(nchw).permute(0, 2, 3, 1).squeeze(0);
        var expected = TfConventions.Conv(image, kernel, bias);
        Assert.That(actual.data<float>().ToArray(), Is.EqualTo(expected.Cast<float>().ToArray()).Within(1e-5));
    }

    [Test]
    public void ADepthwiseKernel_InHwcm_ComputesTfsDepthwiseConvolution()
    {
        var image = Fill(new float[4, 4, 3]);
        var kernel = Fill(new float[3, 2, 3, 2]);
        var conv = nn.Conv2d(3, 6, (3, 2), groups: 3, bias: false);
        var map = new WeightMapBuilder(conv, TfNaming.Layers).Layer("dw", conv).Build();

        Assert.That(map.Entries.Single().TfName, Is.EqualTo("dw/depthwise_kernel"));
        map.Load(new Dictionary<string, Tensor> { ["dw/depthwise_kernel"] = Tf(kernel) });

        using var noGrad = no_grad();
        var actual = conv.forward(Tf(image).unsqueeze(0).permute(0, 3, 1, 2).contiguous()).permute(0, 2, 3, 1).squeeze(0).contiguous();
        Assert.That(actual.data<float>().ToArray(), Is.EqualTo(TfConventions.Depthwise(image, kernel).Cast<float>().ToArray()).Within(1e-5));
    }

    [Test]
    public void ADenseKernel_InInOut_ComputesTfsDense_InLinear()
    {
        var input = Fill(new float[4]);
        var kernel = Fill(new float[4, 3]);
        float[] bias = [0.5f, 0f, -0.5f];
        var head = new Head();
        var map = new WeightMapBuilder(head, TfNaming.Layers).Layer("head/dense", head.Logits).Build();

        map.Load(new Dictionary<string, Tensor> { ["head/dense/kernel"] = Tf(kernel), ["head/dense/bias"] = Tf(bias) });

        using var noGrad = no_grad();
        var actual = head.forward(Tf(input).unsqueeze(0)).squeeze(0);
        Assert.That(actual.data<float>().ToArray(), Is.EqualTo(TfConventions.Dense(input, kernel, bias)).Within(1e-6));
    }

    [Test]
    public void ADenseKernelAfterAFlatten_ComputesTfsNhwcFlattenedDense_OnAnNchwFlatten()
    {
        var image = Fill(new float[2, 3, 4]);
        var kernel = Fill(new float[2 * 3 * 4, 5]);
        var bias = Fill(new float[5]);
        var dense = nn.Linear(24, 5);
        var map = new WeightMapBuilder(dense).Add("d/kernel", dense.weight, WeightLayout.FlattenedDenseKernel(4, 2, 3)).Add("d/bias", dense.bias!).Build();

        map.Load(new Dictionary<string, Tensor> { ["d/kernel"] = Tf(kernel), ["d/bias"] = Tf(bias) });

        using var noGrad = no_grad();
        var nchwFlat = Tf(image).permute(2, 0, 1).reshape(1, 24);
        var tfFlat = image.Cast<float>().ToArray();
        Assert.That(dense.forward(nchwFlat).data<float>().ToArray(), Is.EqualTo(TfConventions.Dense(tfFlat, kernel, bias)).Within(1e-5));
        Assert.That(map.ToTf()["d/kernel"].data<float>().ToArray(), Is.EqualTo(kernel.Cast<float>().ToArray()), "the export restores TF's row order");
    }

    [Test]
    public void ToTf_GivesBackWhatWasLoaded_BitForBit()
    {
        var net = new ConvNet();
        var map = new WeightMapBuilder(net).Layer("net/conv", net.Conv).Layer("net/conv/BatchNorm", net.Norm).Build();
        var values = new Dictionary<string, Tensor>
        {
            ["net/conv/weights"] = Tf(Fill(new float[2, 2, 2, 3])),
            ["net/conv/biases"] = Tf(Fill(new float[3])),
            ["net/conv/BatchNorm/gamma"] = Tf(Fill(new float[3])),
            ["net/conv/BatchNorm/beta"] = Tf(Fill(new float[3])),
            ["net/conv/BatchNorm/moving_mean"] = Tf(Fill(new float[3])),
            ["net/conv/BatchNorm/moving_variance"] = Tf(Fill(new float[3])),
        };

        map.Load(values);
        var exported = map.ToTf();

        Assert.That(exported.Keys, Is.EquivalentTo(values.Keys));
        foreach (var (name, value) in values)
        {
            Assert.That(exported[name].shape, Is.EqualTo(value.shape), name);
            Assert.That(exported[name].data<float>().ToArray(), Is.EqualTo(value.data<float>().ToArray()), name);
        }
    }

    [Test]
    public void BatchNorm_MapsTfsFourNames_AndLeavesTheBatchCounterOut()
    {
        var norm = nn.BatchNorm2d(3);
        var map = new WeightMapBuilder(norm).Layer("net/BatchNorm", norm).Build();

        Assert.That(map.Entries.Select(entry => (entry.TfName, entry.TorchName)), Is.EquivalentTo(new[]
        {
            ("net/BatchNorm/beta", "bias"), ("net/BatchNorm/gamma", "weight"),
            ("net/BatchNorm/moving_mean", "running_mean"), ("net/BatchNorm/moving_variance", "running_var"),
        }));
    }

    [Test]
    public void BatchNorm_WithoutScale_LeavesGammaOut_SoSlimsDefaultLoads()
    {
        var norm = nn.BatchNorm2d(3);
        var map = new WeightMapBuilder(norm).BatchNorm("bn", norm, scale: false).Build();

        Assert.That(map.Entries.Select(entry => entry.TfName), Is.EquivalentTo(new[] { "bn/beta", "bn/moving_mean", "bn/moving_variance" }));
    }

    [Test]
    public void Build_NamesEveryParameterLeftWithoutATfName()
    {
        var net = new ConvNet();

        var error = Assert.Throws<InvalidOperationException>(() => new WeightMapBuilder(net).Layer("net/conv", net.Conv).Build());

        Assert.That(error!.Message, Does.Contain("ConvNet leaves 5 parameter(s) or buffer(s) without a TF name: Norm.weight, Norm.bias, Norm.running_mean, Norm.running_var, Norm.num_batches_tracked."));
    }

    [Test]
    public void ATransposedKernel_FailsWithALayoutHint_AndChangesNothing()
    {
        var head = new Head();
        var map = new WeightMapBuilder(head).Layer("head", head.Logits).Build();
        var before = head.Logits.weight.detach().clone();

        var error = Assert.Throws<CheckpointMismatchException>(() => map.Load(new Dictionary<string, Tensor>
        {
            ["head/weights"] = zeros(3, 4),
            ["head/biases"] = zeros(3),
            ["head/extra"] = zeros(1),
        }));

        Assert.That(error!.Message, Does.Contain("'head/weights': stored (3, 4) float32, expected (4, 3) float32 (the same sizes in another order: a layout mix-up"));
        Assert.That(error.Report.Unexpected, Is.EqualTo(new[] { "head/extra" }));
        Assert.That(head.Logits.weight.detach().eq(before).all().item<bool>(), Is.True, "a failed load changes nothing");
    }

    [Test]
    public void Load_FromVariables_ReportsAMissingName()
    {
        var head = new Head();
        var map = new WeightMapBuilder(head).Layer("head", head.Logits).Build();

        var error = Assert.Throws<CheckpointMismatchException>(() => map.Load([new Variable("head/weights", [4, 3], ScalarType.Float32, Initializers.Constant(1))]));

        Assert.That(error!.Report.Missing, Is.EqualTo(new[] { "'head/biases'" }));
    }

    [Test]
    public void ATensorOfAnotherModule_IsRefused_ByName()
    {
        var head = new Head();
        var stranger = nn.Linear(4, 3);

        var error = Assert.Throws<ArgumentException>(() => new WeightMapBuilder(head).Add("head/weights", stranger.weight));

        Assert.That(error!.Message, Does.StartWith("The tensor given for 'head/weights' is not a parameter or buffer of Head"));
    }

    [Test]
    public void ATfNameMappedTwice_IsRefused_NamingBothWeights()
    {
        var head = new Head();

        var error = Assert.Throws<ArgumentException>(() => new WeightMapBuilder(head).Add("head/w", head.Logits.weight).Add("head/w", head.Logits.bias!));

        Assert.That(error!.Message, Does.StartWith("The TF name 'head/w' is already mapped to 'Logits.weight'; 'Logits.bias' needs its own name."));
    }

    [Test]
    public void AGroupedConvolution_HasNoTfCounterpart()
    {
        var conv = nn.Conv2d(4, 4, 1, groups: 2);

        var error = Assert.Throws<ArgumentException>(() => new WeightMapBuilder(conv).Layer("c", conv));

        Assert.That(error!.Message, Does.StartWith("The convolution for 'c' has 2 groups over 4 channels"));
    }

    [Test]
    public void AContainer_MapsEachChildUnderItsRegisteredName()
    {
        var model = nn.Sequential(("fc1", nn.Linear(2, 3)), ("relu", nn.ReLU()), ("block", nn.Sequential(("fc2", nn.Linear(3, 1)))));

        var map = new WeightMapBuilder(model).Layer("mlp", model).Build();

        Assert.That(map.Entries.Select(entry => (entry.TfName, entry.TorchName)), Is.EqualTo(new[]
        {
            ("mlp/fc1/weights", "fc1.weight"), ("mlp/fc1/biases", "fc1.bias"),
            ("mlp/block/fc2/weights", "block.fc2.weight"), ("mlp/block/fc2/biases", "block.fc2.bias"),
        }));
    }

    [Test]
    public void AnUnknownModuleWithWeightsOfItsOwn_IsRefused_NamingThem()
    {
        var odd = new OwnWeight();

        var error = Assert.Throws<ArgumentException>(() => new WeightMapBuilder(odd).Layer("odd", odd));

        Assert.That(error!.Message, Does.StartWith("The layer for 'odd' is a OwnWeight holding weights of its own (scale) and has no known TF counterpart."));
    }

    private sealed class OwnWeight : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Parameter scale = nn.Parameter(ones(1));

        public OwnWeight()
            : base(nameof(OwnWeight)) => RegisterComponents();

        public override Tensor forward(Tensor input) => input * scale;
    }
}
