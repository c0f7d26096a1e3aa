using System.Linq;
using System.Text.Json;
using Parity.Samples.InceptionResnetV2.Walkthrough;

namespace Parity.Samples.Tests.Inception;

/// <summary>The whole validation walkthrough at the smallest input that reaches every block, and its JSON.</summary>
[TestFixture]
public sealed class WalkthroughTests
{
    private ValidationReport report = null!;

    [OneTimeSetUp]
    public void RunOnce()
    {
        // 107x107 keeps the test to a few seconds; `./build.sh demo` runs the guide's 299x299.
        report = new Validation(new WalkthroughOptions(107, 107, null, 0), (_, body) => body()).Run();
    }

    [Test]
    public void EveryStepPasses()
    {
        Assert.That(report.Steps.Where(step => !step.Passed).Select(step => $"{step.Name}: {step.Detail}"), Is.Empty);
    }

    [Test]
    public void CoversEveryStepOfTheMethod()
    {
        Assert.That(report.Steps.Select(step => step.Name.Split(':')[0]).Distinct(), Is.EqualTo(new[] { "step 1", "step 2", "step 3", "step 4", "gradients", "native port" }));
    }

    [Test]
    public void JsonHasTheDocumentedShape()
    {
        using var json = JsonDocument.Parse(JsonReport.Format(report));
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("model").GetString(), Is.EqualTo("inception_resnet_v2"));
            var variables = root.GetProperty("variables");
            Assert.That(variables.GetProperty("count").GetInt32(), Is.EqualTo(1114));
            Assert.That(variables.GetProperty("trainable").GetInt32(), Is.EqualTo(702));
            Assert.That(variables.GetProperty("list").GetArrayLength(), Is.EqualTo(1114));
            var first = variables.GetProperty("list")[0];
            Assert.That(first.GetProperty("name").GetString(), Is.EqualTo("InceptionResnetV2/Conv2d_1a_3x3/weights"));
            Assert.That(first.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()), Is.EqualTo(new long[] { 3, 3, 3, 32 }));
            Assert.That(first.GetProperty("trainable").GetBoolean(), Is.True);
            var step = root.GetProperty("steps")[0];
            Assert.That(step.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "name", "passed", "max_abs_diff", "max_rel_diff", "seconds" }));
            var constant = root.GetProperty("constant_inference");
            Assert.That(constant.GetProperty("logits_first5").GetArrayLength(), Is.EqualTo(5));
            Assert.That(constant.GetProperty("aux_logits_first5").GetArrayLength(), Is.EqualTo(5));
            Assert.That(constant.GetProperty("regularization_loss").GetDouble(), Is.GreaterThan(0));
            Assert.That(root.GetProperty("timings").GetProperty("forward_ms_shim").GetDouble(), Is.GreaterThan(0));
            Assert.That(root.GetProperty("timings").GetProperty("forward_ms_native").GetDouble(), Is.GreaterThan(0));
        });
    }
}
