using System.IO;
using System.Linq;
using Parity.Checkpoints;
using Parity.Tests.Shared;

namespace Parity.Cli.Tests;

/// <summary><c>parity checkpoint list</c> and <c>convert</c> on the checkpoints TF1 wrote.</summary>
public class CheckpointCommandTests
{
    [Test]
    public void Help_ListsTheCommands()
    {
        var (exitCode, output) = CliRun.Run("--help");

        Assert.That(exitCode, Is.Zero);
        Assert.That(output, Does.Contain("checkpoint").And.Contain("compare <EXPECTED.npz> <ACTUAL.npz>"));
        Assert.That(CliRun.Run("checkpoint", "--help").Output, Does.Contain("list <PREFIX>").And.Contain("convert <PREFIX> <OUT.npz>"));
    }

    [Test]
    public void List_PrintsNameDTypeAndShapeOfEveryTensor()
    {
        var prefix = TfFixtures.Prefix("tiny-two-layer");

        var (exitCode, output) = CliRun.Run("checkpoint", "list", prefix);

        Assert.That(exitCode, Is.Zero, output);
        var rows = output.Split('\n').Select(line => string.Join(' ', line.Split(' ', System.StringSplitOptions.RemoveEmptyEntries))).ToArray();
        Assert.That(rows, Does.Contain("Bias1 float32 [2] 8").And.Contain("Bias2 float32 [3] 12")
            .And.Contain("Weights1 float32 [2, 2] 16").And.Contain("Weights2 float32 [2, 3] 24"));
        Assert.That(output, Does.Contain("4 tensors, 60 bytes in 1 data file(s)"));
    }

    [TestCaseSource(typeof(TfFixtures), nameof(TfFixtures.Names))]
    public void Convert_ReproducesEveryTensorBitForBit(string name)
    {
        var prefix = TfFixtures.Prefix(name);
        var converted = Path.Combine(Path.GetTempPath(), $"parity-cli-{System.Guid.NewGuid():N}.npz");
        var reference = TfFixtures.ReadWithPython(prefix);
        try
        {
            var (exitCode, output) = CliRun.Run("checkpoint", "convert", prefix, converted);

            Assert.That(exitCode, Is.Zero, output);
            var expected = NpzCheckpoint.ReadTensors(reference);
            var actual = NpzCheckpoint.ReadTensors(converted);
            Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys));
            foreach (var (key, tensor) in actual)
            {
                Assert.That(tensor.dtype, Is.EqualTo(expected[key].dtype), key);
                Assert.That(tensor.shape, Is.EqualTo(expected[key].shape), key);
                Assert.That(tensor.bytes.ToArray(), Is.EqualTo(expected[key].bytes.ToArray()), key);
            }

            Assert.That(output, Does.Contain($"{expected.Count} tensors written to {converted}"));
        }
        finally
        {
            File.Delete(converted);
            File.Delete(reference);
        }
    }

    [Test]
    public void Convert_OfADamagedCheckpoint_FailsWithTheReaderMessageAndWritesNothing()
    {
        var prefix = TfFixtures.CopyToTemp("tiny-adam");
        File.Delete(prefix + ".data-00000-of-00001");
        var output = Path.Combine(Path.GetDirectoryName(prefix)!, "out.npz");

        var (exitCode, text) = CliRun.Run("checkpoint", "convert", prefix, output);

        Assert.That(exitCode, Is.EqualTo(ParityApp.Error));
        Assert.That(text, Does.Contain("error: ").And.Contain("model.ckpt.data-00000-of-00001 ['Variable']: the data file is missing"));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void List_OfAMissingCheckpoint_SaysWhatToPass()
    {
        var (exitCode, output) = CliRun.Run("checkpoint", "list", "/nonexistent/model.ckpt");

        Assert.That(exitCode, Is.EqualTo(ParityApp.Error));
        Assert.That(output, Does.Contain("error: No TF checkpoint at '/nonexistent/model.ckpt'"));
    }
}
