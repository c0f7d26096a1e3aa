using System;
using Parity.Slim;
using Parity.Slim.Layers;
using Parity.Slim.Weights;

namespace Parity.Slim.Tests.ArgScopes;

/// <summary>arg_scope's rules, from tf_slim/ops/arg_scope.py: per function, copied and updated when nested, explicit arguments win.</summary>
public class ArgScopeTests
{
    [Test]
    public void NestedScopeUpdatesOnlyTheFunctionsItNames()
    {
        using (ArgScope.Open([SlimOp.Conv2d, SlimOp.FullyConnected], new SlimArgs { Trainable = false, Padding = null }))
        using (ArgScope.Open([SlimOp.Conv2d], new SlimArgs { Padding = Padding.Valid }))
        {
            var conv = ArgScope.Resolve(SlimOp.Conv2d, SlimArgs.None);
            var dense = ArgScope.Resolve(SlimOp.FullyConnected, SlimArgs.None);
            var pool = ArgScope.Resolve(SlimOp.MaxPool2d, SlimArgs.None);

            Assert.Multiple(() =>
            {
                Assert.That(conv.Trainable, Is.False);
                Assert.That(conv.Padding, Is.EqualTo(Padding.Valid));
                Assert.That(dense.Trainable, Is.False);
                Assert.That(dense.Padding, Is.Null);
                Assert.That(pool.Trainable, Is.Null);
            });
        }
    }

    [Test]
    public void ClosingAScopeRestoresTheEnclosingDefaults()
    {
        using (ArgScope.Open([SlimOp.Dropout], new SlimArgs { KeepProb = 0.8 }))
        {
            using (ArgScope.Open([SlimOp.Dropout], new SlimArgs { KeepProb = 0.5 }))
            {
                Assert.That(ArgScope.Resolve(SlimOp.Dropout, SlimArgs.None).KeepProb, Is.EqualTo(0.5));
            }

            Assert.That(ArgScope.Resolve(SlimOp.Dropout, SlimArgs.None).KeepProb, Is.EqualTo(0.8));
        }

        Assert.That(ArgScope.Resolve(SlimOp.Dropout, SlimArgs.None).KeepProb, Is.Null);
    }

    [Test]
    public void AnExplicitNoneBeatsTheScopesActivation()
    {
        using (ArgScope.Open([SlimOp.Conv2d], new SlimArgs { ActivationFn = SlimLayers.Relu6 }))
        {
            var scoped = ArgScope.Resolve(SlimOp.Conv2d, SlimArgs.None);
            var explicitNone = ArgScope.Resolve(SlimOp.Conv2d, new SlimArgs { ActivationFn = null });

            Assert.Multiple(() =>
            {
                Assert.That(scoped.ActivationFn.Value, Is.SameAs(SlimLayers.Relu6));
                Assert.That(explicitNone.ActivationFn.IsSet, Is.True);
                Assert.That(explicitNone.ActivationFn.Value, Is.Null);
            });
        }
    }

    [Test]
    public void ASavedScopeReopensWithTheSameDefaults()
    {
        SavedArgScope saved;
        using (ArgScope.Open([SlimOp.BatchNorm], new SlimArgs { Decay = 0.9997, Scale = true }))
        {
            saved = ArgScope.Current;
        }

        using (ArgScope.Open(saved))
        {
            var args = ArgScope.Resolve(SlimOp.BatchNorm, new SlimArgs { Decay = 0.9 });
            Assert.Multiple(() =>
            {
                Assert.That(args.Decay, Is.EqualTo(0.9));
                Assert.That(args.Scale, Is.True);
            });
        }
    }

    [Test]
    public void AnArgumentTheFunctionDoesNotTakeFailsWhenTheScopeOpens()
    {
        var error = Assert.Throws<ArgumentException>(() => ArgScope.Open([SlimOp.MaxPool2d], new SlimArgs { WeightsRegularizer = SlimRegularizers.L2(0.1) }));

        Assert.That(error!.Message, Does.Contain("weights_regularizer for MaxPool2d"));
    }
}
