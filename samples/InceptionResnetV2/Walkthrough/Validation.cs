using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Parity.Checkpoints;
using Parity.Randomness;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Samples.InceptionResnetV2.Native;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>
/// The four-step validation method on a model (Inception-ResNet-v2 by default, or a TF-Slim net
/// chosen with <c>--model</c>), legacy graph against the shim module, then gradients and, for
/// Inception-ResNet-v2, the native port. Every step runs even when an earlier one failed, so one
/// run shows everything that is wrong.
/// </summary>
/// <param name="options">Input sizes.</param>
/// <param name="show">Runs a step's body while showing progress; returns what the body returned.</param>
public sealed class Validation(WalkthroughOptions options, Func<string, Func<StepOutcome>, StepOutcome> show)
{
    /// <summary>The guide's tolerances for output equivalence.</summary>
    private const double Rtol = 1e-6;
    private const double Atol = 1e-5;

    /// <summary>Gradients go through many more reductions than a forward pass, so they get a looser relative tolerance.</summary>
    private const double GradientRtol = 1e-4;

    private const long Classes = LegacyInception.NumClasses;

    private readonly WalkthroughModel model = WalkthroughModel.Find(options.Model);

    private readonly ValidationReport report = new();

    /// <summary>Step 2's graph, reused by step 3 (building it again would cost a forward pass).</summary>
    private LegacyGraph? structureGraph;

    /// <summary>The legacy inference run under a num-random-ops tool: step 4's reference, reused by the native port's step.</summary>
    private (InceptionOutput Output, Tensor Loss, IReadOnlyList<Variable> Variables)? seededLegacy;

    /// <summary>Runs every step.</summary>
    /// <returns>The report.</returns>
    public ValidationReport Run()
    {
        report.Model = model.Name;
        var shim = NewShim();
        StepOne(shim);
        StepTwo(shim);
        StepThree(shim);
        StepThreeDistinct(shim);
        StepThreeBlindSpots();
        StepFourInference();
        StepFourTraining();
        StepFourConstantWrapper();
        Gradients();
        if (model.HasNativePort)
        {
            NativePort(shim);
        }

        return report;
    }

    /// <summary>A fresh shim of the chosen model (Inception-ResNet-v2's own class for the default).</summary>
    private Module<Tensor, InceptionOutput> NewShim() =>
        model.HasNativePort ? new ShimInceptionResnetV2(Classes) : new ShimModel(model.Legacy);

    private Tensor Image() => ones([1, options.Size, options.Size, 3]);

    private void StepOne(Module<Tensor, InceptionOutput> shim)
    {
        using var noGrad = torch.no_grad();
        Tensor? first = null;
        Step("step 1: first call creates the variables", () =>
        {
            first = shim.Call(Image(), training: false).Logits.DetachFromDisposeScope();
            report.VariableCount = shim.Variables.Count;
            report.TrainableCount = shim.TrainableVariables.Count;
            report.Variables = [.. shim.Variables.Select(v => new VariableRow(v.Name, v.Shape, v.Trainable))];
            return StepOutcome.Check(report.VariableCount > 0, $"{report.VariableCount} variables, {report.TrainableCount} trainable");
        });
        Step("step 1: second call creates none (AssertNoVariableCreations)", () =>
        {
            using (VariableCreationScopes.AssertNoVariableCreations())
            {
                var second = shim.Call(Image(), training: false);
                return first is null
                    ? StepOutcome.Check(true, "no variable created")
                    : StepOutcome.From(EndpointComparison.Compare([new("Logits", second.Logits)], [new("Logits", first)], Rtol, Atol), "no variable created; same logits as the first call");
            }
        });
        Step("step 1: third call creates none (CatchAndRaiseCreatedVariables)", () =>
        {
            using (VariableCreationScopes.CatchAndRaiseCreatedVariables())
            {
                shim.Call(Image(), training: false);
            }

            return StepOutcome.Check(true, "no variable created");
        });
        first?.Dispose();
    }

    private void StepTwo(Module<Tensor, InceptionOutput> shim)
    {
        Step("step 2: same variables (count, names, shapes): legacy graph vs shim", () =>
        {
            var graph = structureGraph = new LegacyGraph();
            using (torch.no_grad())
            {
                graph.Run(() => model.Legacy(Image(), false));
            }

            var comparison = VariableStructure.Compare(shim.Variables, graph.GlobalVariables);
            var trainable = VariableStructure.Compare(shim.TrainableVariables, graph.TrainableVariables);
            return StepOutcome.Check(
                comparison.IsSame && trainable.IsSame,
                comparison.IsSame && trainable.IsSame
                    ? $"{comparison.ActualCount} variables, {trainable.ActualCount} trainable, same names and shapes"
                    : comparison.IsSame ? trainable.Report : comparison.Report);
        });
    }

    private void StepThree(Module<Tensor, InceptionOutput> shim) =>
        StepThreeFilled(shim, "step 3: every variable 0.001, inference on ones: outputs and regularization loss", variables => VariableFill.Constant(variables), recordNumbers: true);

    /// <summary>
    /// Step 3 again with a value of its own for every element, derived from the variable's name: the
    /// constant filling cannot see a transposed kernel, swapped gamma and beta or two crossed variables.
    /// </summary>
    private void StepThreeDistinct(Module<Tensor, InceptionOutput> shim) =>
        StepThreeFilled(shim, "step 3: every variable distinct values derived from its name, inference on ones: outputs and regularization loss", variables => VariableFill.Distinct(variables), recordNumbers: false);

    /// <summary>Fills both sides' variables the same way, runs inference on ones and compares outputs and regularization loss.</summary>
    /// <param name="shim">The shim, already called once (its variables exist).</param>
    /// <param name="name">The step's name in the report.</param>
    /// <param name="fill">Sets every variable of one side; run on the legacy graph's and then on the shim's.</param>
    /// <param name="recordNumbers">Whether to keep the loss and first logits for the report (the constant filling's numbers, which the PyTorch peer reproduces).</param>
    private void StepThreeFilled(Module<Tensor, InceptionOutput> shim, string name, Action<IEnumerable<Variable>> fill, bool recordNumbers)
    {
        Step(name, () =>
        {
            using var noGrad = torch.no_grad();
            var graph = structureGraph ?? new LegacyGraph();
            fill(graph.GlobalVariables);
            var expected = graph.Run(() => model.Legacy(Image(), false));
            var expectedLoss = Sum(graph.RegularizationLosses);

            fill(shim.Variables);
            Perturb(shim);
            var actual = shim.Call(Image(), training: false);
            var actualLoss = Sum(shim.Losses);

            if (recordNumbers)
            {
                report.Constant = new ConstantInference(
                    actualLoss.item<float>(),
                    First5(actual.Logits),
                    actual.AuxLogits is { } aux ? First5(aux) : []);
            }

            return StepOutcome.From(CompareOutputs(actual, actualLoss, expected, expectedLoss), "outputs and regularization loss match");
        });
    }

    /// <summary>Doubles the variable <c>--perturb</c> names in the shim: a port that is wrong on purpose.</summary>
    private void Perturb(Module<Tensor, InceptionOutput> shim)
    {
        if (options.Perturb is { } name)
        {
            var variable = shim.Variables.FirstOrDefault(v => v.Name == name)
                ?? throw new ArgumentException($"--perturb: the shim has no variable '{name}'; use a full name such as 'InceptionResnetV2/Mixed_6a/Branch_0/Conv2d_1a_3x3/weights'.");
            variable.Value.mul_(2);
        }
    }

    /// <summary>
    /// What step 3 can see with each filling: every variable of a shim perturbed in turn, at a small size (its own
    /// shim, called once to create its variables: the aux head's last kernel depends on the size). The regularization loss is left out: it sees every
    /// regularized weight's norm and nothing of its arrangement.
    /// </summary>
    private void StepThreeBlindSpots()
    {
        if (options.BlindSpotSize <= 0)
        {
            return;
        }

        var shim = NewShim();
        var image = ones([1, options.BlindSpotSize, options.BlindSpotSize, 3]);
        IEnumerable<KeyValuePair<string, Tensor>> Endpoints() => shim.Call(image, training: false).Endpoints;
        report.BlindSpotSize = options.BlindSpotSize;
        using (torch.NewDisposeScope())
        {
            Endpoints();
            VariableFill.Constant(shim.Variables);
            report.ConstantBlindSpots = show("step 3 blind spots, constant 0.001", () => BlindSpotStep(BlindSpots.Find(shim.Variables, Endpoints, Rtol, Atol))).Spots;
            VariableFill.Distinct(shim.Variables);
            report.DistinctBlindSpots = show("step 3 blind spots, distinct values", () => BlindSpotStep(BlindSpots.Find(shim.Variables, Endpoints, Rtol, Atol))).Spots;
        }
    }

    private static StepOutcome BlindSpotStep(BlindSpotReport spots) => StepOutcome.Check(true, spots.ToString()) with { Spots = spots };

    private void StepFourInference() =>
        Step("step 4: NumRandomOps random tool, inference", () => RandomEquivalence(training: false));

    private void StepFourTraining() =>
        Step("step 4: NumRandomOps random tool, training (batch statistics, dropout)", () => RandomEquivalence(training: true));

    private StepOutcome RandomEquivalence(bool training)
    {
        using var noGrad = torch.no_grad();
        var (expected, expectedLoss, variables) = LegacyUnderTool(DeterministicRandomMode.NumRandomOps, training);
        if (!training)
        {
            foreach (var tensor in expected.Tensors.Append(expectedLoss))
            {
                tensor.DetachFromDisposeScope();
            }

            seededLegacy = (expected, expectedLoss, variables);
        }

        var shim = NewShim();
        using (new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps).Scope())
        {
            var actual = shim.Call(Image(), training);
            return StepOutcome.From(CompareOutputs(actual, Sum(shim.Losses), expected, expectedLoss), "outputs and regularization loss match");
        }
    }

    private void StepFourConstantWrapper()
    {
        Step("step 4: Constant random tool, shim inside a wrapper model (variables first, then dropout)", () =>
        {
            using var noGrad = torch.no_grad();
            var (expected, expectedLoss, _) = LegacyUnderTool(DeterministicRandomMode.Constant, training: true);
            using (new DeterministicRandomTestTool().Scope())
            {
                // Like a functional model built on a symbolic input: the wrapper creates every variable
                // before the first real call, so the training call's dropout comes after all initializers,
                // an order the legacy graph never had. Constant mode does not depend on order.
                var wrapper = new WrapperModel(NewShim(), [1, options.Size, options.Size, 3]);
                var actual = wrapper.Call(Image(), training: true);
                return StepOutcome.From(CompareOutputs(actual, Sum(wrapper.Losses), expected, expectedLoss), "outputs and regularization loss match despite the different trace order");
            }
        });
    }

    private void Gradients()
    {
        Step($"gradients: one training step at {options.TrainSize}x{options.TrainSize}, every trainable variable", () =>
        {
            var image = ones([1, options.TrainSize, options.TrainSize, 3]);
            var legacyTool = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps);
            var shimTool = new DeterministicRandomTestTool(mode: DeterministicRandomMode.NumRandomOps);
            var graph = new LegacyGraph();
            using (legacyTool.Scope())
            using (torch.no_grad())
            {
                graph.Run(() => model.Legacy(image, true));
            }

            var shim = NewShim();
            using (shimTool.Scope())
            using (torch.no_grad())
            {
                shim.Call(image, training: true);
            }

            // Both tools have seen the same initializers and one dropout; the next dropout draws alike.
            var gradients = GradientComparison.CompareGradients(
                () =>
                {
                    using (shimTool.Scope())
                    {
                        return TrainingLoss(shim.Call(image, training: true), shim.Losses);
                    }
                },
                shim.TrainableVariables,
                () =>
                {
                    using (legacyTool.Scope())
                    {
                        var output = graph.Run(() => model.Legacy(image, true), training: true);
                        return TrainingLoss(output, graph.RegularizationLosses);
                    }
                },
                graph.TrainableVariables,
                rtol: GradientRtol,
                atol: Atol);
            return StepOutcome.From(gradients, $"{gradients.Rows.Count} gradients match");
        });
    }

    private void NativePort(Module<Tensor, InceptionOutput> warmShim)
    {
        var native = new NativeInceptionResnetV2(Classes, options.Size);
        native.eval();
        Step("native port: TorchSharp layers, every legacy variable copied through the weight map; outputs, endpoints and regularization loss match", () =>
        {
            using var noGrad = torch.no_grad();
            var (expected, expectedLoss, legacyVariables) = seededLegacy ?? LegacyUnderTool(DeterministicRandomMode.NumRandomOps, training: false);
            CheckpointLoadReport copied;
            try
            {
                copied = native.TfWeightMap().Load(legacyVariables);
            }
            catch (CheckpointMismatchException mismatch)
            {
                return StepOutcome.Check(false, mismatch.Message);
            }

            var actual = ToNhwc(native.call(NchwImage()));
            return StepOutcome.From(
                CompareOutputs(actual, native.RegularizationLoss(), expected, expectedLoss),
                $"{copied.Loaded.Count} legacy variables copied (kernels HWIO → OIHW, dense kernels transposed); outputs and regularization loss match");
        });

        using var timing = torch.no_grad();
        report.ForwardMsShim = TimeForward(() => warmShim.Call(Image(), training: false));
        report.ForwardMsNative = TimeForward(() => native.call(NchwImage()));
    }

    /// <summary>The legacy model's input as the native model takes it: NCHW, contiguous (see <see cref="NativeInceptionResnetV2"/>).</summary>
    private Tensor NchwImage() => Image().permute(0, 3, 1, 2).contiguous();

    /// <summary>The native model's endpoints as the legacy model lays them out: 4-D ones as NHWC views, the rest as they are.</summary>
    private static InceptionOutput ToNhwc(InceptionOutput nchw) =>
        new(nchw.Logits, nchw.Endpoints.Select(pair => new KeyValuePair<string, Tensor>(pair.Key, pair.Value.dim() == 4 ? pair.Value.permute(0, 2, 3, 1) : pair.Value)));

    private (InceptionOutput Output, Tensor Loss, IReadOnlyList<Variable> Variables) LegacyUnderTool(DeterministicRandomMode mode, bool training)
    {
        using (new DeterministicRandomTestTool(mode: mode).Scope())
        {
            var graph = new LegacyGraph();
            var output = graph.Run(() => model.Legacy(Image(), training), training);
            return (output, Sum(graph.RegularizationLosses), graph.GlobalVariables);
        }
    }

    private void Step(string name, Func<StepOutcome> body)
    {
        var clock = Stopwatch.StartNew();
        StepOutcome outcome;
        using (torch.NewDisposeScope())
        {
            try
            {
                outcome = show(name, body);
            }
            catch (Exception error) when (error is InvalidOperationException or ArgumentException or System.Runtime.InteropServices.ExternalException)
            {
                outcome = StepOutcome.Check(false, $"{error.GetType().Name}: {error.Message}");
            }
        }

        report.Steps.Add(new StepResult(name, outcome.Passed, outcome.MaxAbsDiff, outcome.MaxRelDiff, clock.Elapsed.TotalSeconds, outcome.Detail, outcome.Endpoints));
    }

    private static EndpointReport CompareOutputs(InceptionOutput actual, Tensor actualLoss, InceptionOutput expected, Tensor expectedLoss) =>
        EndpointComparison.Compare(
            actual.Endpoints.Append(new("regularization_loss", actualLoss)),
            expected.Endpoints.Append(new("regularization_loss", expectedLoss)),
            Rtol,
            Atol);

    /// <summary>Cross-entropy against class 0 for both heads (aux weighted 0.4, as slim's training script) plus the regularization losses.</summary>
    private static Tensor TrainingLoss(InceptionOutput output, IReadOnlyList<Tensor> regularization)
    {
        var loss = -output.Logits.log_softmax(-1).select(1, 0).sum();
        if (output.AuxLogits is { } aux)
        {
            loss -= aux.log_softmax(-1).select(1, 0).sum() * 0.4;
        }

        return loss + Sum(regularization);
    }

    private static Tensor Sum(IReadOnlyList<Tensor> tensors) =>
        tensors.Count == 0 ? tensor((float)(0.0)) : tensors.Skip(1).Aggregate(tensors[0], (total, next) => total + next);

    private static double[] First5(Tensor logits) =>
        [.. logits.select(0, 0).slice(0, 0, 5, 1).to(ScalarType.Float64).data<double>().ToArray()];

    /// <summary>Median wall time of three forwards: one call alone can land on a collection or a busy core.</summary>
    private static double TimeForward(Action forward)
    {
        var times = new double[3];
        for (var i = 0; i < times.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            using (torch.NewDisposeScope())
            {
                forward();
            }

            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }
}
