using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Parity.Compat;
using static TorchSharp.torch;

namespace Parity.Tests.Variables;

public class VariableCreatorScopeTests
{
    [Test]
    public void Creators_RunInnermostFirst_ThenTheVariableIsMade()
    {
        var order = new List<string>();
        using (VariableCreatorScope.Push((args, next) =>
        {
            order.Add("outer");
            return next(args);
        }))
        using (VariableCreatorScope.Push((args, next) =>
        {
            order.Add("inner");
            return next(args);
        }))
        {
            _ = new Variable("w", [1]);
        }

        Assert.That(order, Is.EqualTo(new[] { "inner", "outer" }));
    }

    [Test]
    public void ACreator_CanRewriteTheRequest()
    {
        Variable created;
        using (VariableCreatorScope.Push((args, next) => next(args with { Name = "renamed/" + args.Name, Initializer = Initializers.Ones() })))
        {
            created = new Variable("w", [2], initializer: Initializers.Zeros());
        }

        Assert.That(created.Name, Is.EqualTo("renamed/w"));
        Assert.That(created.Value.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 1 }));
    }

    [Test]
    public void ACreator_CanRejectACreation()
    {
        using var rejecting = VariableCreatorScope.Push((args, _) => throw new InvalidOperationException($"no new variables: {args.Name}"));

        Assert.That(() => new Variable("w", [1]), Throws.InvalidOperationException.With.Message.EqualTo("no new variables: w"));
    }

    [Test]
    public void ACreatorThatReturnsItsOwnVariable_MakesTheConstructedObjectAViewOfIt()
    {
        var shared = new Variable("shared", [2], initializer: Initializers.Constant(7));
        Variable constructed;
        using (VariableCreatorScope.Push((_, _) => shared))
        {
            constructed = new Variable("w", [2]);
        }

        Assert.That(constructed.Name, Is.EqualTo("shared"));
        Assert.That(constructed.Value, Is.SameAs(shared.Value));
    }

    [Test]
    public void AfterTheScope_CreatorsNoLongerRun()
    {
        var seen = 0;
        using (VariableCreatorScope.Push((args, next) =>
        {
            seen++;
            return next(args);
        }))
        {
            _ = new Variable("a", [1]);
        }

        _ = new Variable("b", [1]);

        Assert.That(seen, Is.EqualTo(1));
        Assert.That(VariableCreatorScope.IsActive, Is.False);
    }

    [Test]
    public void ClosingScopesOutOfOrder_IsAnError()
    {
        var first = VariableCreatorScope.Push((args, next) => next(args));
        var second = VariableCreatorScope.Push((args, next) => next(args));

        Assert.That(() => first.Dispose(), Throws.InvalidOperationException.With.Message.Contains("reverse order"));

        second.Dispose();
        first.Dispose();
        Assert.That(VariableCreatorScope.IsActive, Is.False);
    }

    [Test]
    public void VariablesFromTheStore_GoThroughTheChainWithTheirFullName()
    {
        var seen = new List<VariableCreationArgs>();
        var graph = new LegacyGraph();
        using (VariableCreatorScope.Push((args, next) =>
        {
            seen.Add(args);
            return next(args);
        }))
        {
            graph.Run(() =>
            {
                using (VariableScopes.VariableScope("model"))
                {
                    using var input = ones(2, 3);
                    Layers.Dense(input, 4);
                }
            });
        }

        Assert.That(seen.ConvertAll(a => a.Name), Is.EqualTo(new[] { "model/dense/kernel", "model/dense/bias" }));
        Assert.That(seen[0].Shape, Is.EqualTo(new long[] { 3, 4 }));
        Assert.That(seen[0].Initializer.ToString(), Is.EqualTo("glorot_uniform"));
        Assert.That(seen[1].Initializer.ToString(), Is.EqualTo("zeros"));
    }

    [Test]
    public async Task ACreatorPushedInOneFlow_IsInvisibleToAParallelFlow()
    {
        using var pushed = new ManualResetEventSlim();
        using var checkedOther = new ManualResetEventSlim();
        var otherSawCreator = true;

        var withCreator = Task.Run(() =>
        {
            using (VariableCreatorScope.Push((args, next) => next(args)))
            {
                pushed.Set();
                checkedOther.Wait(TimeSpan.FromSeconds(30));
            }
        });
        var without = Task.Run(() =>
        {
            pushed.Wait(TimeSpan.FromSeconds(30));
            otherSawCreator = VariableCreatorScope.IsActive;
            checkedOther.Set();
        });
        await Task.WhenAll(withCreator, without);

        Assert.That(otherSawCreator, Is.False);
    }
}
