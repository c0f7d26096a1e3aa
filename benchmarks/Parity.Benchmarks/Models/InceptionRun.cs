using System;
using Parity.Benchmarks.Models.HandWritten;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Samples.InceptionResnetV2.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Benchmarks.Models;

/// <summary>
/// One model built for one workload, with its input, after the first call (which builds a Parity module's
/// variables): <see cref="Step"/> is the timed call. Every side does the same work as
/// benchmarks/peer/inception_resnet_v2.py: inference under <c>no_grad</c> on ones, or forward in training
/// mode, backward of the sum of both heads' logits, <c>optim.SGD</c> step and <c>zero_grad</c>; each call in
/// one dispose scope, as a training loop is written.
/// </summary>
public sealed class InceptionRun : IDisposable
{
    /// <summary>Classifier size of every model.</summary>
    public const long NumClasses = 1000;

    /// <summary>Image size of <see cref="InceptionWorkload.Inference"/>.</summary>
    public const long Size = 299;

    /// <summary>Image size of <see cref="InceptionWorkload.TrainingStep"/>.</summary>
    public const long TrainSize = 139;

    /// <summary>SGD learning rate of the training step (plain SGD: the step is one <c>add_</c> per parameter whatever the rate).</summary>
    public const double LearningRate = 0.01;

    private readonly nn.Module model;
    private readonly Func<Tensor, (Tensor Logits, Tensor AuxLogits)> forward;
    private readonly Tensor image;
    private readonly optim.Optimizer? sgd;

    private InceptionRun(nn.Module model, Func<Tensor, (Tensor Logits, Tensor AuxLogits)> forward, Tensor image, InceptionWorkload workload)
    {
        this.model = model;
        this.forward = forward;
        this.image = image;
        Workload = workload;
        if (workload == InceptionWorkload.TrainingStep)
        {
            model.train();

            // A Parity module has parameters only after its first call.
            using (var first = NewDisposeScope())
            {
                forward(image);
            }

            sgd = optim.SGD(model.parameters(), LearningRate);
        }
        else
        {
            model.eval();
        }

        Step();
    }

    /// <summary>The workload this run times.</summary>
    public InceptionWorkload Workload { get; }

    /// <summary>Builds <paramref name="which"/> for <paramref name="workload"/> and makes its first call.</summary>
    public static InceptionRun Create(InceptionModel which, InceptionWorkload workload)
    {
        var size = workload == InceptionWorkload.Inference ? Size : TrainSize;
        switch (which)
        {
            case InceptionModel.TorchSharp:
            {
                var model = new HandWrittenInceptionResnetV2(NumClasses, size);
                return new InceptionRun(model, model.call, ones(1, 3, size, size), workload);
            }

            case InceptionModel.Native:
            {
                var model = new NativeInceptionResnetV2(NumClasses, size);
                return new InceptionRun(model, x => Heads(model.call(x)), ones(1, 3, size, size), workload);
            }

            case InceptionModel.Shim:
            {
                var model = new ShimInceptionResnetV2(NumClasses);
                return new InceptionRun(model, x => Heads(model.Call(x)), ones(1, size, size, 3), workload);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(which), which, null);
        }
    }

    /// <summary>One timed call.</summary>
    public void Step()
    {
        if (sgd is null)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            forward(image);
            return;
        }

        using (var scope = NewDisposeScope())
        {
            var (logits, aux) = forward(image);
            (logits.sum() + aux.sum()).backward();
            sgd.step();
            sgd.zero_grad();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        sgd?.Dispose();
        image.Dispose();
        model.Dispose();
    }

    private static (Tensor Logits, Tensor AuxLogits) Heads(InceptionOutput output) =>
        (output.Logits, output.AuxLogits ?? throw new InvalidOperationException("The model was built without its aux head."));
}
