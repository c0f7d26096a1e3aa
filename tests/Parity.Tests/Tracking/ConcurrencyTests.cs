using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Parity.Compat;
using Parity.Tests.Support;
using static Parity.Compat.VariableScopes;
using static TorchSharp.torch;

namespace Parity.Tests.Tracking;

public class ConcurrencyTests
{
    private const int Calls = 200;

    [Test]
    public async Task TwoThreadsRunningTrackedModules_NeverSeeEachOthersScopesOrStores()
    {
        using var barrier = new Barrier(2);
        var left = new Tracked(x => Body(x, "left", barrier));
        var right = new Tracked(x => Body(x, "right", barrier));
        var leftCreations = 0;
        var rightCreations = 0;

        await Task.WhenAll(
            Task.Factory.StartNew(() => Loop(left, () => leftCreations++), TaskCreationOptions.LongRunning),
            Task.Factory.StartNew(() => Loop(right, () => rightCreations++), TaskCreationOptions.LongRunning));

        Assert.That(Names.Of(left.Variables), Is.EqualTo(new[] { "left/dense/kernel", "left/dense/bias" }));
        Assert.That(Names.Of(right.Variables), Is.EqualTo(new[] { "right/dense/kernel", "right/dense/bias" }));
        Assert.That(leftCreations, Is.EqualTo(2));
        Assert.That(rightCreations, Is.EqualTo(2));
    }

    [Test]
    public async Task ConcurrentCallsOfOneInstance_TakeTurns_AndKeepTheirNames()
    {
        var module = new Tracked(x =>
        {
            using (VariableScope("shared"))
            {
                return Layers.Dense(Layers.Dense(x, 2), 2);
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            using var x = ones(1, 3);
            for (var i = 0; i < 50; i++)
            {
                module.Call(x);
            }
        })));

        Assert.That(Names.Of(module.Variables), Is.EqualTo(new[]
        {
            "shared/dense/kernel", "shared/dense/bias", "shared/dense_1/kernel", "shared/dense_1/bias",
        }));
    }

    private static Tensor Body(Tensor x, string scope, Barrier barrier)
    {
        using (VariableScope(scope))
        {
            // Both threads are inside their scopes at the same moment before creating anything.
            barrier.SignalAndWait(TimeSpan.FromSeconds(30));
            var output = Layers.Dense(x, 2);
            barrier.SignalAndWait(TimeSpan.FromSeconds(30));
            return output;
        }
    }

    private static void Loop(Module<Tensor, Tensor> module, Action onCreate)
    {
        using var counting = VariableCreatorScope.Push((args, next) =>
        {
            onCreate();
            return next(args);
        });
        using var x = ones(1, 3);
        for (var i = 0; i < Calls; i++)
        {
            module.Call(x);
        }
    }
}
