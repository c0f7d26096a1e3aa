using System;
using System.Collections.Generic;
using Parity.Testing;
using static TorchSharp.torch;

namespace Parity.Tests.Testing;

/// <summary>Endpoint-by-endpoint comparison and the "first divergent endpoint" answer.</summary>
public class EndpointComparisonTests
{
    private static KeyValuePair<string, Tensor> E(string name, params double[] values) =>
        new(name, tensor(values));

    [Test]
    public void CloseEndpoints_GiveATableAndNoDivergence()
    {
        var expected = new[] { E("stem", 1, 2), E("block1", 3, 4) };
        var actual = new[] { E("stem", 1, 2), E("block1", 3, 4) };

        var report = EndpointComparison.Compare(actual, expected);

        Assert.That(report.IsClose, Is.True);
        Assert.That(report.FirstDivergent, Is.Null);
        Assert.That(report.Table, Does.EndWith("All 2 endpoints are close."));
    }

    [Test]
    public void TheFirstDivergentEndpoint_FollowsTheExpectedOrder_WithItsGreatestDifferences()
    {
        // stem matches; block1 differs by 0.5 at most (relative 0.5/4 = 0.125); logits differs more.
        var expected = new[] { E("stem", 1, 2), E("block1", 3, 4), E("logits", 10, 20) };
        var actual = new[] { E("logits", 12, 20), E("block1", 3.25, 4.5), E("stem", 1, 2) };

        var report = EndpointComparison.Compare(actual, expected);

        Assert.That(report.FirstDivergent!.Name, Is.EqualTo("block1"));
        Assert.That(report.Rows[1].MaxAbsolute, Is.EqualTo(0.5));
        Assert.That(report.Rows[1].MaxRelative, Is.EqualTo(0.125));
        Assert.That(report.Rows[2].MaxAbsolute, Is.EqualTo(2.0));
        Assert.That(report.Rows[0].MaxAbsolute, Is.EqualTo(0.0));
        Assert.That(report.Table, Is.EqualTo(
            "endpoint  shape  max abs       max rel       verdict" + Environment.NewLine +
            "stem      (2,)   0             0             ok" + Environment.NewLine +
            "block1    (2,)   0.5           0.125         2 of 2 elements outside tolerance" + Environment.NewLine +
            "logits    (2,)   2             0.2           1 of 2 elements outside tolerance" + Environment.NewLine +
            "First divergent endpoint: block1."));
    }

    [Test]
    public void AssertAllClose_ShowsTheTableAndTheFirstDivergenceInDetail()
    {
        var expected = new[] { E("stem", 1, 2), E("block1", 3, 4) };
        var actual = new[] { E("stem", 1, 2), E("block1", 3, 5) };

        var error = Assert.Throws<EndpointMismatchException>(() => EndpointComparison.AssertAllClose(actual, expected));

        Assert.That(error!.Message, Does.Contain("First divergent endpoint: block1."));
        Assert.That(error.Message, Does.Contain("block1: Tensors are not close"));
        Assert.That(error.Message, Does.Contain("(1,): 5 vs 4"));
    }

    [Test]
    public void MissingUnexpectedAndShapeChangedEndpoints_AreRows()
    {
        var expected = new[] { E("stem", 1, 2), E("block1", 3, 4) };
        var actual = new[] { E("stem", 1, 2, 3), E("extra", 0) };

        var report = EndpointComparison.Compare(actual, expected);

        Assert.That(report.Rows, Has.Count.EqualTo(3));
        Assert.That(report.Rows[0].Verdict, Is.EqualTo("shape (3,), expected (2,)"));
        Assert.That(report.Rows[1].Verdict, Is.EqualTo("missing: no actual endpoint with this name"));
        Assert.That(report.Rows[2].Verdict, Is.EqualTo("unexpected: no expected endpoint with this name"));
        Assert.That(report.FirstDivergent!.Name, Is.EqualTo("stem"));
    }

    [Test]
    public void ANameMap_RenamesActualEndpoints()
    {
        var expected = new[] { E("Conv2d_1a_3x3", 1, 2) };
        var actual = new[] { E("conv1", 1, 2) };

        var report = EndpointComparison.Compare(actual, expected, nameMap: name => name == "conv1" ? "Conv2d_1a_3x3" : name);

        Assert.That(report.IsClose, Is.True);
    }

    [Test]
    public void RepeatedNames_AreRejected()
    {
        var twice = new[] { E("stem", 1), E("stem", 2) };

        Assert.That(() => EndpointComparison.Compare(twice, [E("stem", 1)]), Throws.ArgumentException.With.Message.Contains("'stem' twice"));
    }
}
