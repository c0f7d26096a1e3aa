using System.Linq;
using Parity.Checkpoints;
using Parity.Tests.Shared;
using Parity.Tests.Support;
using static Parity.Compat.VariableScopes;
using static TorchSharp.torch;

namespace Parity.Tests.Checkpoints.Tf;

/// <summary>A checkpoint TF1 wrote, loaded by name into a Parity module (a TorchSharp port's load is in Parity.Samples.Tests, on the MnistMlp sample).</summary>
public class TfCheckpointLoadTests
{
    [Test]
    public void TinyTwoLayer_LoadsIntoAParityModuleByVariableName()
    {
        var checkpoint = TfCheckpoint.Open(TfFixtures.Prefix("tiny-two-layer"));
        var model = new Tracked(x =>
        {
            var hidden = x.matmul(GetVariable("Weights1", [2, 2]).Value) + GetVariable("Bias1", [2]).Value;
            return hidden.sigmoid().matmul(GetVariable("Weights2", [2, 3]).Value) + GetVariable("Bias2", [3]).Value;
        });
        using var input = ones(1, 2);
        model.Call(input).Dispose();

        var report = checkpoint.Load(model);

        Assert.That(report.Loaded, Is.EquivalentTo(new[] { "Weights1", "Bias1", "Weights2", "Bias2" }));
        using var stored = checkpoint.Read("Weights2");
        Assert.That(model.Variables.Single(v => v.Name == "Weights2").Value.data<float>().ToArray(), Is.EqualTo(stored.data<float>().ToArray()));
    }
}
