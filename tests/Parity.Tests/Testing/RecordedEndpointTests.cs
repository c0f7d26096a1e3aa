using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parity.Checkpoints;
using Parity.Testing;
using Parity.Tests.Checkpoints;
using static TorchSharp.torch;

namespace Parity.Tests.Testing;

/// <summary>Endpoints compared with a recording of the original model (an .npz written next to its checkpoint).</summary>
public class RecordedEndpointTests
{
    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("parity-recording-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    /// <summary>NHWC endpoints in the order a TF1 model computes them: stem, block, logits.</summary>
    private static KeyValuePair<string, Tensor>[] Recorded() =>
    [
        new("Conv2d_1a_3x3", arange(18, dtype: ScalarType.Float32).reshape(1, 3, 3, 2) / 10),
        new("Mixed_5b", arange(8, dtype: ScalarType.Float32).reshape(1, 2, 2, 2) - 4),
        new("Logits", tensor(new float[] { 0.5f, -1, 2, 3 }).reshape(1, 4)),
    ];

    private string Record(IEnumerable<KeyValuePair<string, Tensor>> endpoints)
    {
        var path = Path.Combine(folder, "endpoints.npz");
        NpzCheckpoint.WriteTensors(path, endpoints);
        return path;
    }

    [Test]
    public void ArchiveOrder_IsTheOrderNumPysSavezWasGiven()
    {
        // make_fixtures.py passes this dictionary to np.savez in this (non-alphabetical) order.
        var keys = NpzCheckpoint.ReadTensorsInOrder(NpzFiles.Fixture("reference.npz")).Select(pair => pair.Key);

        Assert.That(keys, Is.EqualTo(new[] { "dense/kernel", "dense/bias", "counts", "global_step", "empty" }));
    }

    [Test]
    public void TheFirstDivergentEndpoint_FollowsTheRecordingsOrder()
    {
        var path = Record(Recorded());
        var actual = Recorded().Reverse().ToDictionary(pair => pair.Key, pair => pair.Value.clone());
        actual["Logits"][0, 3] = tensor(4f);
        actual["Mixed_5b"][0, 1, 1, 0] = tensor(2.5f);

        var report = EndpointComparison.Compare(actual, path);

        Assert.Multiple(() =>
        {
            Assert.That(report.FirstDivergent?.Name, Is.EqualTo("Mixed_5b"));
            Assert.That(report.Rows.Select(row => row.Name), Is.EqualTo(new[] { "Conv2d_1a_3x3", "Mixed_5b", "Logits" }));
            Assert.That(report.Rows[1].MaxAbsolute, Is.EqualTo(0.5).Within(1e-6), "recorded 2, actual 2.5");
            Assert.That(report.Rows[2].MaxAbsolute, Is.EqualTo(1.0).Within(1e-6), "recorded 3, actual 4");
        });
    }

    [Test]
    public void NchwEndpointsOfATorchSharpPort_AreComparedAsNhwc()
    {
        var path = Record(Recorded());
        var nchw = Recorded().Select(pair => new KeyValuePair<string, Tensor>(pair.Key, pair.Value.dim() == 4 ? pair.Value.permute(0, 3, 1, 2).contiguous() : pair.Value));

        var report = EndpointComparison.Compare(nchw, path, actualIsNchw: true);

        Assert.That(report.IsClose, Is.True, report.Table);
    }

    [Test]
    public void NchwEndpointsWithoutTheFlag_AreALayoutError_NamingTheEndpoint()
    {
        var path = Record(Recorded());
        var nchw = Recorded().Select(pair => new KeyValuePair<string, Tensor>(pair.Key, pair.Value.dim() == 4 ? pair.Value.permute(0, 3, 1, 2).contiguous() : pair.Value));

        var error = Assert.Throws<ArgumentException>(() => EndpointComparison.Compare(nchw, path));

        Assert.That(error!.Message, Does.Contain("'Conv2d_1a_3x3'").And.Contain("(1, 2, 3, 3)").And.Contain("actualIsNchw: true"));
    }

    [Test]
    public void AssertMatchesRecording_NamesTheFirstDivergentEndpoint_AndAMissingOne()
    {
        var path = Record(Recorded());
        var actual = Recorded().Take(2).ToArray();
        actual[0] = new(actual[0].Key, actual[0].Value + 1);

        var error = Assert.Throws<EndpointMismatchException>(() => EndpointComparison.AssertMatchesRecording(actual, path));

        Assert.That(error!.Message, Does.Contain("First divergent endpoint: Conv2d_1a_3x3.").And.Contain("missing"));
    }

    [Test]
    public void AMissingRecording_IsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => EndpointComparison.Compare(Recorded(), Path.Combine(folder, "none.npz")));
    }
}
