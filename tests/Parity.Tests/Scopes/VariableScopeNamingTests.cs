using System.Linq;
using Parity.Compat;
using Parity.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;
using static Parity.Compat.VariableScopes;

namespace Parity.Tests.Scopes;

/// <summary>TF's counter semantics, with expected names worked out by hand from them.</summary>
public class VariableScopeNamingTests
{
    private static Tensor Input() => ones(2, 3);

    [Test]
    public void UnnamedLayersAtTheRoot_GetANewNameOnEveryCall()
    {
        var module = new Tracked(x => Layers.Dense(x, 2));
        using var x = Input();

        module.Call(x);
        module.Call(x);
        module.Call(x);

        // Root counters never reset: dense, then dense_1, then dense_2.
        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[]
        {
            "dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias", "dense_2/kernel", "dense_2/bias",
        }));
    }

    [Test]
    public void UnnamedLayersInANamedScope_KeepTheirNamesAcrossCalls()
    {
        var module = new Tracked(x =>
        {
            using (VariableScope("model"))
            {
                return Layers.Dense(Layers.Dense(x, 2), 2);
            }
        });
        using var x = Input();

        module.Call(x);
        var first = module.Variables;
        module.Call(x);

        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[]
        {
            "model/dense/kernel", "model/dense/bias", "model/dense_1/kernel", "model/dense_1/bias",
        }));
        Assert.That(module.Variables, Is.EqualTo(first));
    }

    [Test]
    public void AnEmptyScope_ReservesItsName()
    {
        var module = new Tracked(x =>
        {
            using (VariableScope("model"))
            {
                RecordScope("dense");
                using (VariableScope("dense_1"))
                {
                }

                return Layers.Dense(x, 2);
            }
        });
        using var x = Input();

        module.Call(x);

        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "model/dense_2/kernel", "model/dense_2/bias" }));
    }

    [Test]
    public void AScopeNameWithASlash_CountsLikeTheNestedScope()
    {
        var module = new Tracked(x =>
        {
            RecordScope("block/dense");
            using (VariableScope("block"))
            {
                return Layers.Dense(x, 2);
            }
        });
        using var x = Input();

        module.Call(x);

        // "block/dense" was opened once at the root and only scopes below it were reset.
        Assert.That(Names.Of(module.Variables)[0], Is.EqualTo("block/dense_1/kernel"));
    }

    [Test]
    public void NestedScopes_PrefixVariableNames()
    {
        string? scopeName = null;
        var module = new Tracked(x =>
        {
            using (VariableScope("outer"))
            using (var inner = VariableScope("inner"))
            {
                scopeName = inner.Name;
                GetVariable("w", [2]);
            }

            return x;
        });
        using var x = Input();

        module.Call(x);

        Assert.That(scopeName, Is.EqualTo("outer/inner"));
        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "outer/inner/w" }));
    }

    [Test]
    public void ReopeningANamedScopeInOneCall_ASecondLayerUnderTheSameName_IsTheLegacyGraphsError()
    {
        var module = new Tracked(x =>
        {
            using (VariableScope("a"))
            {
                x = Layers.Dense(x, 3);
            }

            // Leaving "a" reset the counters below it, so this layer is a/dense again: in TF1 an error, not a share.
            using (VariableScope("a"))
            {
                return Layers.Dense(x, 3);
            }
        });
        using var x = Input();

        Assert.That(
            () => module.Call(x),
            Throws.ArgumentException
                .With.Message.StartsWith("Variable a/dense/kernel already exists, disallowed.")
                .And.Message.Contains("created at Parity.Tests.Scopes.VariableScopeNamingTests")
                .And.Message.Contains("VariableScopeNamingTests.cs:line ")
                .And.Message.Contains("requested again at"));
    }

    [Test]
    public void ReopeningANamedScopeWithReuse_SharesTheLayerOnPurpose()
    {
        var module = new Tracked(x =>
        {
            using (VariableScope("a"))
            {
                x = Layers.Dense(x, 3);
            }

            using (VariableScope("a", reuse: Reuse.True))
            {
                return Layers.Dense(x, 3);
            }
        });
        using var x = Input();

        module.Call(x);
        module.Call(x);

        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "a/dense/kernel", "a/dense/bias" }));
    }

    [Test]
    public void TwoLayersGivenOneName_InOneCall_AreRefused_ButOneLayerCalledAgainNextCallIsNot()
    {
        var calls = 0;
        var module = new Tracked(x =>
        {
            calls++;
            var y = Layers.Dense(x, 3, name: "fc");
            return calls == 3 ? Layers.Dense(y, 3, name: "fc") : y;
        });
        using var x = Input();

        module.Call(x);
        module.Call(x);

        Assert.That(() => module.Call(x), Throws.ArgumentException.With.Message.StartsWith("Variable fc/kernel already exists, disallowed."));
    }

    [Test]
    public void EachModuleInstance_HasItsOwnCounters()
    {
        var first = new Tracked(x => Layers.Dense(x, 2));
        var second = new Tracked(x => Layers.Dense(x, 2));
        using var x = Input();

        first.Call(x);
        second.Call(x);

        Assert.That(Names.Of(first.Variables), Is.EqualTo(new[] { "dense/kernel", "dense/bias" }));
        Assert.That(Names.Of(second.Variables), Is.EqualTo(new[] { "dense/kernel", "dense/bias" }));
    }

    [Test]
    public void GetVariable_AskedTwiceForOneName_ReturnsTheSameVariable()
    {
        Variable? a = null;
        Variable? b = null;
        var module = new Tracked(x =>
        {
            a = GetVariable("w", [2]);
            b = GetVariable("w", [2]);
            return x;
        });
        using var x = Input();

        module.Call(x);

        Assert.That(a, Is.SameAs(b));
        Assert.That(module.Variables, Has.Count.EqualTo(1));
    }

    [Test]
    public void ScopeDefaults_ApplyToVariablesInside_AndToNestedScopes()
    {
        var module = new Tracked(x =>
        {
            using (VariableScope("s", initializer: Initializers.Ones(), regularizer: Regularizers.KerasL2(1.0)))
            using (VariableScope("inner"))
            {
                GetVariable("w", [2]);
            }

            return x;
        });
        using var x = Input();

        module.Call(x);

        Assert.That(module.Variables[0].Value.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 1 }));
        Assert.That(module.Losses.Single().ToDouble(), Is.EqualTo(2.0).Within(1e-6));
    }

    [Test]
    public void ClosingAnOuterScopeBeforeTheInner_IsAnError()
    {
        var module = new Tracked(x =>
        {
            var outer = VariableScope("outer");
            using var inner = VariableScope("inner");
            outer.Dispose();
            return x;
        });
        using var x = Input();

        Assert.That(() => module.Call(x), Throws.InvalidOperationException.With.Message.Contains("Variable scope 'outer' was closed while 'outer/inner' is the innermost open scope"));
    }

    [Test]
    public void AScopeLeftOpenByAFailingForwardPass_IsClosedByTheCall()
    {
        var fail = true;
        var module = new Tracked(x =>
        {
            var scope = VariableScope("model");
            if (fail)
            {
                throw new System.InvalidOperationException("boom");
            }

            GetVariable("w", [1]);
            scope.Dispose();
            return x;
        });
        using var x = Input();

        Assert.That(() => module.Call(x), Throws.InvalidOperationException);
        fail = false;
        module.Call(x);

        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "model/w" }));
    }

    [Test]
    public void AScopeHandleDisposedAfterItsCallReturned_IsAlreadyClosed_AndDisposingItChangesNothing()
    {
        VariableScopeHandle? leftOpen = null;
        var module = new Tracked(x =>
        {
            leftOpen = VariableScope("model");
            return Layers.Dense(x, 2);
        });
        using var x = Input();
        module.Call(x);

        Assert.That(() => leftOpen!.Dispose(), Throws.Nothing);

        // The call closed 'model' when it returned: the next call opens it afresh, so counters below it reset.
        module.Call(x);
        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[] { "model/dense/kernel", "model/dense/bias" }));
    }
}
