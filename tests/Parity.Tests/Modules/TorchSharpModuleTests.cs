using System;
using System.IO;
using System.Linq;
using Parity.Compat;
using TorchSharp;
using static Parity.Compat.VariableScopes;
using static TorchSharp.torch;

namespace Parity.Tests.Modules;

/// <summary>A Parity module is a TorchSharp module: its store's variables are its registered parameters and buffers.</summary>
public class TorchSharpModuleTests
{
    private sealed class DenseThenNorm : Module<Tensor, Tensor>
    {
        [TrackVariables]
        protected override Tensor Forward(Tensor input)
        {
            using (VariableScope("net"))
            {
                var x = Layers.Dense(input, 3, kernelInitializer: Initializers.Constant(0.5), name: "dense");
                return Layers.BatchNormalization(x, name: "batch_normalization");
            }
        }
    }

    private sealed class Linear2To1(double start) : Module<Tensor, Tensor>
    {
        [TrackVariables]
        protected override Tensor Forward(Tensor input)
        {
            using (VariableScope("net"))
            {
                return Layers.Dense(input, 1, useBias: false, kernelInitializer: Initializers.Constant(start), name: "dense");
            }
        }
    }

    private sealed class SmallConv : Module<Tensor, Tensor>
    {
        [TrackVariables]
        protected override Tensor Forward(Tensor input)
        {
            using (VariableScope("net"))
            {
                return Layers.Conv2d(input, 2, 3, padding: Padding.Same, kernelInitializer: Initializers.Constant(0.1), name: "conv");
            }
        }
    }

    private sealed class PlainHolder : nn.Module<Tensor, Tensor>
    {
        private readonly Linear2To1 inner = new(0.25);

        public PlainHolder()
            : base(nameof(PlainHolder)) => RegisterComponents();

        public override Tensor forward(Tensor input) => inner.call(input);
    }

    [Test]
    public void Variables_AreRegisteredUnderTheirTfNames_TrainedOnesAsParameters()
    {
        var model = new DenseThenNorm();
        using var x = ones(2, 4);
        model.Call(x);

        Assert.That(model.named_parameters().Select(p => p.name), Is.EqualTo(new[]
        {
            "net/dense/kernel", "net/dense/bias", "net/batch_normalization/gamma", "net/batch_normalization/beta",
        }));
        Assert.That(model.named_buffers().Select(b => b.name), Is.EqualTo(new[]
        {
            "net/batch_normalization/moving_mean", "net/batch_normalization/moving_variance",
        }));
        Assert.That(model.state_dict().Keys, Has.Count.EqualTo(6));
    }

    [Test]
    public void AVariableAndItsParameter_AreTheSameTensor()
    {
        var model = new DenseThenNorm();
        using var x = ones(2, 4);
        model.Call(x);

        var kernel = model.Variables.Single(v => v.Name == "net/dense/kernel");
        var parameter = model.get_parameter("net/dense/kernel");
        Assert.That(parameter, Is.SameAs(kernel.Value));
        using (no_grad())
        {
            parameter!.add_(1.0);
        }

        Assert.That(kernel.Value[0, 0].item<float>(), Is.EqualTo(1.5f));
    }

    [Test]
    public void TrainsWithTorchOptimSgd_BuiltAfterTheFirstCall()
    {
        // kernel [0.5, 0.5], x = [1, 2]: prediction 1.5, loss (1.5 - 0)^2 = 2.25, gradient 2 * 1.5 * x = [3, 6];
        // one SGD step at lr 0.1 gives [0.5 - 0.3, 0.5 - 0.6] = [0.2, -0.1].
        var model = new Linear2To1(0.5);
        using var x = tensor(new float[] { 1, 2 }, [1, 2]);
        model.Call(x);
        var sgd = optim.SGD(model.parameters(), 0.1);

        sgd.zero_grad();
        using var loss = model.Call(x, training: true).pow(2).sum();
        loss.backward();
        sgd.step();

        var kernel = model.Variables.Single().Value.detach().flatten().data<float>().ToArray();
        Assert.That(kernel, Is.EqualTo(new[] { 0.2f, -0.1f }).Within(1e-6f));
    }

    [Test]
    public void SaveAndLoad_RoundTripTheVariables()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parity-{Guid.NewGuid():N}.bin");
        try
        {
            using var x = tensor(new float[] { 1, 2 }, [1, 2]);
            var saved = new Linear2To1(0.75);
            saved.Call(x);
            saved.save(path);

            var restored = new Linear2To1(-3.0);
            restored.Call(x);
            restored.load(path);

            Assert.That(restored.Call(x).item<float>(), Is.EqualTo(0.75f * 3));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void BeforeTheFirstCall_ParametersStateDictAndLoadSaySoInsteadOfSeeingNothing()
    {
        var model = new Linear2To1(0.5);

        Assert.That(() => optim.SGD(model.parameters(), 0.1), Throws.InvalidOperationException.With.Message.Contains("before its first call").And.Message.Contains("Call it once"));
        Assert.That(() => model.state_dict(), Throws.InvalidOperationException.With.Message.Contains("state_dict()"));
        Assert.That(() => model.load(new BinaryReader(new MemoryStream())), Throws.InvalidOperationException.With.Message.Contains("load()"));
    }

    [Test]
    public void ToFloat64_MovesTheVariablesWithTheParameters()
    {
        var model = new Linear2To1(0.5);
        using var x = tensor(new float[] { 1, 2 }, [1, 2]);
        model.Call(x);

        model.to(ScalarType.Float64);

        var kernel = model.Variables.Single();
        Assert.That(kernel.DType, Is.EqualTo(ScalarType.Float64));
        Assert.That(model.get_parameter("net/dense/kernel"), Is.SameAs(kernel.Value));
        using var x64 = x.to(ScalarType.Float64);
        Assert.That(model.Call(x64).item<double>(), Is.EqualTo(1.5));
    }

    [Test]
    public void TrainAndEval_SetTheDefaultMode_ACallCanOverrideIt()
    {
        var model = new Linear2To1(0.5);
        Assert.That(model.Training, Is.False, "a Parity module starts in evaluation mode");
        model.train();
        Assert.That(model.Training, Is.True);
        model.eval();
        Assert.That(model.Training, Is.False);
    }

    [Test]
    public void AParityModuleInsideAPlainTorchSharpModule_ShowsItsVariablesThroughTheParent()
    {
        var holder = new PlainHolder();
        using var x = tensor(new float[] { 1, 2 }, [1, 2]);
        holder.call(x);

        Assert.That(holder.named_parameters().Select(p => p.name), Is.EqualTo(new[] { "inner.net/dense/kernel" }));
    }

    [Test]
    public void ACompatConvKernel_StaysTheRegisteredParameterAfterItsStorageIsReordered()
    {
        var model = new SmallConv();
        using var x = ones(1, 4, 4, 1);
        model.Call(x);
        model.Call(x);

        var kernel = model.Variables.Single(v => v.Name == "net/conv/kernel");
        Assert.That(model.get_parameter("net/conv/kernel"), Is.SameAs(kernel.Value));
        Assert.That(kernel.Value.shape, Is.EqualTo(new long[] { 3, 3, 1, 2 }));

        var sgd = optim.SGD(model.parameters(), 1.0);
        using var loss = model.Call(x, training: true).sum();
        loss.backward();
        sgd.step();

        // d(sum of outputs)/d(tap) is how many output positions read a real (unpadded) input through
        // that tap: all 16 for the centre tap of a 4x4 SAME convolution of ones, 3x3 = 9 for a corner.
        Assert.That(kernel.Value[1, 1, 0, 0].item<float>(), Is.EqualTo(0.1f - 16f).Within(1e-5f));
        Assert.That(kernel.Value[0, 0, 0, 1].item<float>(), Is.EqualTo(0.1f - 9f).Within(1e-5f));
    }
}
