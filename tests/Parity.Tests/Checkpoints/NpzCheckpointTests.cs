using System;
using System.IO;
using System.Linq;
using Parity.Checkpoints;
using static TorchSharp.torch;

namespace Parity.Tests.Checkpoints;

/// <summary>Saving and loading variables by name: round trips, name maps and the load report.</summary>
public class NpzCheckpointTests
{
    private string path = string.Empty;

    [SetUp]
    public void CreatePath() => path = NpzFiles.TempPath();

    [TearDown]
    public void DeleteFile() => File.Delete(path);

    private static Variable V(string name, long[] shape, double value, ScalarType dtype = ScalarType.Float32) =>
        new(name, shape, dtype, Initializers.Constant(value));

    private static Variable Ramp(string name, long[] shape, ScalarType dtype)
    {
        using var flat = arange(0, shape.Aggregate(1L, (a, b) => a * b), 1, dtype);
        using var values = flat.reshape(shape);
        return new Variable(name, values);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void SaveThenLoad_RestoresEveryDTypeExactly(bool compress)
    {
        var saved = new[]
        {
            Ramp("a/f32", [2, 3], ScalarType.Float32), Ramp("a/f64", [4], ScalarType.Float64),
            Ramp("b/i32", [3, 1], ScalarType.Int32), Ramp("b/i64", [], ScalarType.Int64),
        };
        NpzCheckpoint.Save(path, saved, compress: compress);
        var loaded = saved.Select(v => new Variable(v.Name, v.Shape, v.DType, Initializers.Constant(-1))).ToArray();

        var report = NpzCheckpoint.Load(path, loaded);

        Assert.That(report.IsComplete, Is.True, report.Report);
        Assert.That(report.Loaded, Is.EqualTo(saved.Select(v => v.Name)));
        Assert.That(loaded[0].Value.data<float>().ToArray(), Is.EqualTo(new float[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(loaded[1].Value.data<double>().ToArray(), Is.EqualTo(new double[] { 0, 1, 2, 3 }));
        Assert.That(loaded[2].Value.data<int>().ToArray(), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(loaded[3].Value.item<long>(), Is.EqualTo(0));
    }

    [Test]
    public void ANameMap_TranslatesVariableNamesToFileKeys()
    {
        NpzCheckpoint.Save(path, [V("legacy/dense/kernel", [2], 3)]);
        var migrated = V("model/linear/weight", [2], 0);

        NpzCheckpoint.Load(path, [migrated], name => name.Replace("model/linear/weight", "legacy/dense/kernel"));

        Assert.That(migrated.Value.data<float>().ToArray(), Is.EqualTo(new[] { 3f, 3f }));
    }

    [Test]
    public void AMismatchedLoad_FailsWithTheFullReport_AndChangesNothing()
    {
        NpzCheckpoint.Save(path, [V("kept", [2], 1), V("reshaped", [2, 3], 1), V("retyped", [2], 1), V("orphan", [1], 1)]);
        var kept = V("kept", [2], 0);
        var targets = new[] { kept, V("reshaped", [3, 2], 0), V("retyped", [2], 0, ScalarType.Float64), V("absent", [1], 0) };

        var error = Assert.Throws<CheckpointMismatchException>(() => NpzCheckpoint.Load(path, targets));

        Assert.That(error!.Message, Is.EqualTo(
            $"Checkpoint {path}: 1 variable(s) match." + Environment.NewLine +
            "Missing from the file (1):" + Environment.NewLine +
            "  'absent'" + Environment.NewLine +
            "Unexpected in the file (1):" + Environment.NewLine +
            "  orphan" + Environment.NewLine +
            "Shape or dtype differs (2):" + Environment.NewLine +
            "  'reshaped': stored (2, 3) float32, expected (3, 2) float32 (the same sizes in another order: a layout mix-up, e.g. an HWIO kernel where OIHW is expected or a dense kernel not transposed)" + Environment.NewLine +
            "  'retyped': stored (2,) float32, expected (2,) float64" + Environment.NewLine +
            "No variable was changed. Pass a name map, fix the model, or load with allowPartial: true."));
        Assert.That(kept.Value.data<float>().ToArray(), Is.EqualTo(new[] { 0f, 0f }), "nothing is assigned when the load fails");
    }

    [Test]
    public void AllowPartial_AssignsWhatMatches_AndReportsTheRest()
    {
        NpzCheckpoint.Save(path, [V("kept", [2], 1), V("orphan", [1], 1)]);
        var kept = V("kept", [2], 0);

        var report = NpzCheckpoint.Load(path, [kept, V("absent", [1], 0)], allowPartial: true);

        Assert.That(kept.Value.data<float>().ToArray(), Is.EqualTo(new[] { 1f, 1f }));
        Assert.That(report.Missing, Is.EqualTo(new[] { "'absent'" }));
        Assert.That(report.Unexpected, Is.EqualTo(new[] { "orphan" }));
        Assert.That(report.IsComplete, Is.False);
    }

    [Test]
    public void Writing_RejectsDuplicateKeysAndUnstorableDTypes()
    {
        using var flags = ones(1, dtype: ScalarType.BFloat16);
        using var one = ones(1);

        Assert.That(() => NpzCheckpoint.WriteTensors(path, [new("m", flags)]), Throws.ArgumentException.With.Message.Contains("(NumPy has no bfloat16); convert the bfloat16 tensor first"));
        Assert.That(() => NpzCheckpoint.WriteTensors(path, [new("k", one), new("k", one)]), Throws.ArgumentException.With.Message.Contains("'k'"));
        Assert.That(File.Exists(path), Is.False, "a rejected write leaves no file");
    }

    [Test]
    public void AMissingFile_SaysSo()
    {
        Assert.That(() => NpzCheckpoint.ReadTensors(path), Throws.InstanceOf<FileNotFoundException>());
    }
}
