using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Parity.Samples.Tests.Inception;

/// <summary>
/// What PyTorch computes for the same network with every parameter 0.001 on a ones input
/// (Fixtures/inception_constant.json, written by Fixtures/generate.py from benchmarks/peer/inception_resnet_v2.py).
/// </summary>
internal sealed record PeerFixture(double[] LogitsFirst5, double[] AuxLogitsFirst5, long TrainableElementCount, int RegularizedVariableCount, double RegularizationLoss)
{
    public static PeerFixture ForSize(int size)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "inception_constant.json")));
        var entry = document.RootElement.GetProperty(size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new PeerFixture(
            Doubles(entry.GetProperty("logits_first5")),
            Doubles(entry.GetProperty("aux_logits_first5")),
            entry.GetProperty("trainable_element_count").GetInt64(),
            entry.GetProperty("regularized_variable_count").GetInt32(),
            entry.GetProperty("regularization_loss").GetDouble());
    }

    private static double[] Doubles(JsonElement array)
    {
        var values = new List<double>();
        foreach (var item in array.EnumerateArray())
        {
            values.Add(item.GetDouble());
        }

        return [.. values];
    }
}
