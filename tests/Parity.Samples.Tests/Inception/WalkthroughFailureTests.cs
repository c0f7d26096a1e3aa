using System.Linq;
using Parity.Samples.InceptionResnetV2.Walkthrough;

namespace Parity.Samples.Tests.Inception;

/// <summary>A deliberately wrong weight: the walkthrough must fail both step 3 fillings and point at the first endpoint it reaches.</summary>
[TestFixture]
public sealed class WalkthroughFailureTests
{
    [Test]
    public void PerturbedWeightFailsStepThreeAtItsEndpoint()
    {
        var options = new WalkthroughOptions(107, 107, null, 0, Perturb: "InceptionResnetV2/Mixed_6a/Branch_0/Conv2d_1a_3x3/weights");
        var report = new Validation(options, (_, body) => body()).Run();
        var stepThree = report.Steps.Where(step => step.Name.StartsWith("step 3", System.StringComparison.Ordinal)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(stepThree, Has.Length.EqualTo(2), "the constant and the distinct filling");
            Assert.That(stepThree, Has.All.Property(nameof(StepResult.Passed)).False);
            Assert.That(stepThree.Select(step => step.Endpoints?.FirstDivergent?.Name), Has.All.EqualTo("Mixed_6a"));
            Assert.That(report.Steps.Except(stepThree), Has.All.Property(nameof(StepResult.Passed)).True);
        });
    }
}
