using System.Linq;
using Parity.Samples.InceptionResnetV2.Walkthrough;

namespace Parity.Samples.Tests.SlimNets;

/// <summary>The walkthrough with <c>--model mobilenet_v1</c> and <c>--model resnet_v1_50</c>: every step passes.</summary>
[TestFixture]
public sealed class SlimWalkthroughTests
{
    [TestCase("mobilenet_v1", 137, 83)]
    [TestCase("resnet_v1_50", 267, 161)]
    public void EveryStepPasses(string model, int variables, int trainable)
    {
        // 107x107 keeps the test short; `./build.sh demo --model NAME` runs 224x224.
        var options = WalkthroughOptions.Parse(["--model", model, "--size", "107", "--train-size", "107"]);

        var report = new Validation(options, (_, body) => body()).Run();

        Assert.Multiple(() =>
        {
            Assert.That(report.Steps.Where(step => !step.Passed).Select(step => $"{step.Name}: {step.Detail}"), Is.Empty);
            Assert.That(report.Steps.Select(step => step.Name.Split(':')[0]).Distinct(), Is.EqualTo(new[] { "step 1", "step 2", "step 3", "step 4", "gradients" }));
            Assert.That(report.Model, Is.EqualTo(model));
            Assert.That(report.VariableCount, Is.EqualTo(variables));
            Assert.That(report.TrainableCount, Is.EqualTo(trainable));
        });
    }

    [Test]
    public void AnUnknownModelIsRefusedWithTheChoices() =>
        Assert.That(
            () => WalkthroughOptions.Parse(["--model", "vgg_16"]),
            Throws.ArgumentException.With.Message.Contains("inception_resnet_v2, mobilenet_v1, resnet_v1_50"));
}
