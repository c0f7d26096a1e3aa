using System;
using Parity.Testing;
using static TorchSharp.torch;

namespace Parity.Tests.Testing;

/// <summary>Variable-structure comparison: count, names, shapes, dtypes, trainability, name maps.</summary>
public class VariableStructureTests
{
    private static Variable V(string name, long[] shape, bool trainable = true, ScalarType dtype = ScalarType.Float32) =>
        new(name, shape, dtype, Initializers.Zeros(), trainable);

    [Test]
    public void SameStructure_InAnyOrder_Matches()
    {
        var legacy = new[] { V("dense/kernel", [3, 4]), V("dense/bias", [4]) };
        var migrated = new[] { V("dense/bias", [4]), V("dense/kernel", [3, 4]) };

        var comparison = VariableStructure.Compare(migrated, legacy);

        Assert.That(comparison.IsSame, Is.True);
        Assert.That(comparison.Report, Is.EqualTo("Variable structures match: 2 variables with the same names, shapes, dtypes and trainability."));
    }

    [Test]
    public void Differences_AreListedAsMissingUnexpectedAndDifferent()
    {
        var legacy = new[]
        {
            V("conv/kernel", [3, 3, 1, 8]), V("conv/bias", [8]), V("bn/moving_mean", [8], trainable: false), V("bn/gamma", [8]),
        };
        var migrated = new[]
        {
            V("conv/kernel", [3, 3, 8, 1]), V("conv/bias", [8], dtype: ScalarType.Float64), V("bn/moving_mean", [8]), V("bn/beta", [8]),
        };

        var error = Assert.Throws<StructureMismatchException>(() => VariableStructure.AssertSame(migrated, legacy));

        Assert.That(error!.Message, Is.EqualTo(
            "Variable structures differ: 4 actual, 4 expected." + Environment.NewLine +
            "Missing (expected, not created) (1):" + Environment.NewLine +
            "  bn/gamma" + Environment.NewLine +
            "Unexpected (created, not expected) (1):" + Environment.NewLine +
            "  bn/beta" + Environment.NewLine +
            "Different (3):" + Environment.NewLine +
            "  'conv/kernel': shape (3, 3, 8, 1), expected (3, 3, 1, 8)" + Environment.NewLine +
            "  'conv/bias': dtype float64, expected float32" + Environment.NewLine +
            "  'bn/moving_mean': trainable, expected non-trainable"));
    }

    [Test]
    public void ANameMap_MatchesRenamedVariables_AndReportsUnderBothNames()
    {
        var legacy = new[] { V("dense/kernel", [3, 4]), V("dense/bias", [4]) };
        var migrated = new[] { V("linear/weight", [4, 3]), V("linear/bias", [4]) };

        var comparison = VariableStructure.Compare(migrated, legacy, name => name.Replace("linear/weight", "dense/kernel").Replace("linear/", "dense/"));

        Assert.That(comparison.Missing, Is.Empty);
        Assert.That(comparison.Unexpected, Is.Empty);
        Assert.That(comparison.Differences, Is.EqualTo(new[] { "'linear/weight' (as 'dense/kernel'): shape (4, 3), expected (3, 4)" }));
    }

    [Test]
    public void ANameMapThatMergesTwoVariables_IsRejected()
    {
        var migrated = new[] { V("a", [1]), V("b", [1]) };

        Assert.That(
            () => VariableStructure.Compare(migrated, [], _ => "same"),
            Throws.ArgumentException.With.Message.Contains("sends both 'a' and 'b' to 'same'"));
    }
}
