using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Parity.Torch;

namespace Parity.Torch.Tests;

public sealed class DisposeScopeTests
{
    [Test]
    public void ScopeDisposesEveryTensorCreatedInIt()
    {
        Tensor a, b;
        using (var scope = Torch.NewDisposeScope())
        {
            a = Tensor.Ones([2]);
            b = a * 2;
            Assert.That(scope.Count, Is.EqualTo(2));
        }

        Assert.That(a.IsDisposed, Is.True);
        Assert.That(b.IsDisposed, Is.True);
    }

    [Test]
    public void MovedTensorsSurviveIntoTheEnclosingScope()
    {
        Tensor kept;
        using (var outer = Torch.NewDisposeScope())
        {
            using (var inner = Torch.NewDisposeScope())
            {
                kept = (Tensor.Ones([2]) + 1).MoveToOuterDisposeScope();
                Assert.That(inner.Count, Is.EqualTo(1));
            }

            Assert.That(kept.IsDisposed, Is.False);
            Assert.That(outer.Count, Is.EqualTo(1));
            Assert.That(kept.ToArray<float>(), Is.EqualTo(new float[] { 2, 2 }));
        }

        Assert.That(kept.IsDisposed, Is.True, "the outer scope owns it now");
    }

    [Test]
    public void ScopeMoveToOuterMovesSeveralAtOnce()
    {
        Tensor a, b;
        using (var scope = Torch.NewDisposeScope())
        {
            a = Tensor.Zeros([1]);
            b = Tensor.Zeros([1]);
            scope.MoveToOuter(a, b);
            Assert.That(scope.Count, Is.Zero);
        }

        Assert.That(a.IsDisposed || b.IsDisposed, Is.False);
        a.Dispose();
        b.Dispose();
    }

    [Test]
    public void MoveToOuterRejectsTensorsOfAnotherScope()
    {
        using var outer = Torch.NewDisposeScope();
        var fromOuter = Tensor.Zeros([1]);
        using var inner = Torch.NewDisposeScope();

        Assert.Throws<ArgumentException>(() => inner.MoveToOuter(fromOuter));
    }

    [Test]
    public void DetachedTensorsOutliveEveryScope()
    {
        Tensor detached;
        using (Torch.NewDisposeScope())
        {
            using (Torch.NewDisposeScope())
            {
                detached = Tensor.Ones([1]).DetachFromDisposeScope();
            }
        }

        Assert.That(detached.IsDisposed, Is.False);
        detached.Dispose();
        Assert.That(detached.IsDisposed, Is.True);
    }

    [Test]
    public void TensorsCreatedOutsideAnyScopeAreLeftAlone()
    {
        using var outside = Tensor.Ones([1]);
        using (Torch.NewDisposeScope())
        {
            using var inside = outside + 1;
        }

        Assert.That(outside.IsDisposed, Is.False);
    }

    [Test]
    public void DisposingTwiceIsHarmlessForScopesAndTensors()
    {
        var scope = Torch.NewDisposeScope();
        var t = Tensor.Ones([1]);
        t.Dispose();
        scope.Dispose();
        scope.Dispose();

        Assert.That(scope.IsDisposed, Is.True);
        Assert.That(t.IsDisposed, Is.True);
    }

    [Test]
    public void ClosingAnOuterScopeFirstLeavesTheInnerOneWorking()
    {
        var outer = Torch.NewDisposeScope();
        var inner = Torch.NewDisposeScope();
        outer.Dispose();
        var t = Tensor.Ones([1]).MoveToOuterDisposeScope();
        inner.Dispose();

        Assert.That(t.IsDisposed, Is.False, "no open scope remains outside, so the tensor is free");
        t.Dispose();
    }

    [Test]
    public void AScopeDisposedOnAnotherThreadStopsCollecting()
    {
        var scope = Torch.NewDisposeScope();
        var thread = new System.Threading.Thread(scope.Dispose);
        thread.Start();
        thread.Join();
        using var later = Tensor.Ones([1]);

        Assert.That(later.IsDisposed, Is.False);
        Assert.That(scope.Count, Is.Zero, "the tensor was not registered in the disposed scope");
    }

    [Test]
    public async Task TheScopeFollowsTheAsyncFlowAcrossAwaitsAndIntoStartedTasks()
    {
        Tensor inTask, afterAwait;
        using (Torch.NewDisposeScope())
        {
            inTask = await Task.Run(() => Tensor.Ones([1]));
            afterAwait = Tensor.Ones([1]);
        }

        Assert.That(inTask.IsDisposed, Is.True, "created by a task started inside the scope");
        Assert.That(afterAwait.IsDisposed, Is.True, "created after an await, possibly on another thread");
    }

    [Test]
    public void WorkThatRunsWhileAnotherFlowAwaitsInsideAScopeIsNotCollectedByIt()
    {
        var resume = new TaskCompletionSource();
        var forward = ForwardThatAwaitsInsideAScope(resume.Task);

        // The forward pass has yielded back to this thread with its scope still open.
        using var unrelated = Tensor.Ones([1]);
        resume.SetResult();
        forward.GetAwaiter().GetResult();

        Assert.That(unrelated.IsDisposed, Is.False);
    }

    [Test]
    public void TensorsCreatedInParallelInsideOneScopeAreAllCollected()
    {
        var created = new ConcurrentBag<Tensor>();
        using (var scope = Torch.NewDisposeScope())
        {
            Parallel.For(0, 8, _ =>
            {
                for (var i = 0; i < 500; i++)
                {
                    created.Add(Tensor.Zeros([1]));
                }
            });

            Assert.That(scope.Count, Is.EqualTo(4000));
        }

        Assert.That(created.All(t => t.IsDisposed), Is.True);
    }

    [Test]
    public void GradientReadsAreOwnedByTheCurrentScope()
    {
        Tensor grad;
        using var x = Tensor.Ones([2]);
        x.RequiresGrad = true;
        using (Torch.NewDisposeScope())
        {
            (x * 2).Sum().Backward();
            grad = x.Grad!;
        }

        Assert.That(grad.IsDisposed, Is.True);
        using var again = x.Grad!;
        Assert.That(again.ToArray<float>(), Is.EqualTo(new float[] { 2, 2 }), "disposing a read does not clear the gradient");
    }

    private static async Task ForwardThatAwaitsInsideAScope(Task resume)
    {
        using var scope = Torch.NewDisposeScope();
        await resume.ConfigureAwait(false);
        _ = Tensor.Ones([1]);
    }
}
