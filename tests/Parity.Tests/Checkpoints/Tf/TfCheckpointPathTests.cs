using System.IO;
using Parity.Checkpoints;
using Parity.Tests.Shared;

namespace Parity.Tests.Checkpoints.Tf;

/// <summary>What <c>TfCheckpoint.Open</c> accepts: a prefix, its index or data file, or a directory with TF's <c>checkpoint</c> state file.</summary>
public class TfCheckpointPathTests
{
    [Test]
    public void MissingIndex_SaysWhatToPass()
    {
        var error = Assert.Throws<FileNotFoundException>(() => TfCheckpoint.Open("/nonexistent/model.ckpt"))!;

        Assert.That(error.Message, Does.Contain("No TF checkpoint at '/nonexistent/model.ckpt': /nonexistent/model.ckpt.index does not exist"));
    }

    [Test]
    public void Directory_OpensTheLatestCheckpointItsStateFileNames()
    {
        var prefix = TfFixtures.CopyToTemp("tiny-two-layer");
        var directory = Path.GetDirectoryName(prefix)!;
        File.WriteAllText(Path.Combine(directory, "checkpoint"), "model_checkpoint_path: \"model.ckpt\"\nall_model_checkpoint_paths: \"model.ckpt\"\n");

        Assert.That(TfCheckpoint.Open(directory).Prefix, Is.EqualTo(prefix));
        Assert.That(TfCheckpoint.LatestPrefix(directory), Is.EqualTo(prefix));
    }

    [Test]
    public void StateFileFromAnotherMachine_FindsTheCheckpointBesideIt()
    {
        var prefix = TfFixtures.CopyToTemp("tiny-two-layer");
        var directory = Path.GetDirectoryName(prefix)!;
        File.WriteAllText(Path.Combine(directory, "checkpoint"), "model_checkpoint_path: \"/home/trainer/run7/model.ckpt\"\n");

        Assert.That(TfCheckpoint.LatestPrefix(directory), Is.EqualTo(prefix));
    }

    [Test]
    public void DataFilePath_OpensItsCheckpoint()
    {
        var prefix = TfFixtures.Prefix("tiny-two-layer");

        Assert.That(TfCheckpoint.Open(prefix + ".data-00000-of-00001").Prefix, Is.EqualTo(prefix));
        Assert.That(TfCheckpoint.Open(prefix + ".index").Prefix, Is.EqualTo(prefix));
    }

    [Test]
    public void DirectoryWithoutStateFile_SaysToPassAPrefix_NamingTheOneThere()
    {
        var prefix = TfFixtures.CopyToTemp("tiny-two-layer");
        var directory = Path.GetDirectoryName(prefix)!;

        var error = Assert.Throws<FileNotFoundException>(() => TfCheckpoint.Open(directory))!;

        Assert.That(error.Message, Does.Contain($"has no 'checkpoint' state file naming the latest checkpoint; pass a checkpoint prefix instead ({prefix})."));
    }
}
