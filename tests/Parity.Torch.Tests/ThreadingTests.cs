using Parity.Torch;

namespace Parity.Torch.Tests;

[NonParallelizable]
public sealed class ThreadingTests
{
    [Test]
    public void SetNumThreadsChangesTheIntraOpPoolAndRejectsZero()
    {
        var before = Torch.GetNumThreads();
        try
        {
            Torch.SetNumThreads(1);
            Assert.That(Torch.GetNumThreads(), Is.EqualTo(1));
            Torch.SetNumThreads(2);
            Assert.That(Torch.GetNumThreads(), Is.EqualTo(2));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => Torch.SetNumThreads(0));
        }
        finally
        {
            Torch.SetNumThreads(before);
        }
    }

    [Test]
    public void SetNumThreads_ReachesAThreadThatAlreadyRanOperations()
    {
        // OpenMP keeps a count per OS thread, copied from libtorch's process-wide one only before a
        // thread's first parallel op; this worker computes first and is told the new count after.
        var before = Torch.GetNumThreads();
        var target = before + 1;
        using var computed = new System.Threading.ManualResetEventSlim();
        using var changed = new System.Threading.ManualResetEventSlim();
        int seenBefore = 0, seenAfter = 0;
        var worker = new System.Threading.Thread(() =>
        {
            using (var x = Tensor.Ones([64, 64]))
            using (x.MatMul(x))
            {
                seenBefore = Torch.GetNumThreads();
            }

            computed.Set();
            changed.Wait();
            seenAfter = Torch.GetNumThreads();
        });
        try
        {
            worker.Start();
            computed.Wait();
            Torch.SetNumThreads(target);
            changed.Set();
            worker.Join();

            Assert.That(seenBefore, Is.EqualTo(before));
            Assert.That(seenAfter, Is.EqualTo(target));
        }
        finally
        {
            changed.Set();
            Torch.SetNumThreads(before);
        }
    }

    [Test]
    public void GradModeIsPerThread()
    {
        bool? onOtherThread = null;
        using (Torch.NoGrad())
        {
            var thread = new System.Threading.Thread(() => onOtherThread = Torch.IsGradEnabled);
            thread.Start();
            thread.Join();
            Assert.That(Torch.IsGradEnabled, Is.False);
        }

        Assert.That(onOtherThread, Is.True);
    }

    [Test]
    public void EnableGradInsideNoGradRecordsAgain()
    {
        using var x = Tensor.Ones([1]);
        x.RequiresGrad = true;
        using (Torch.NoGrad())
        {
            using (Torch.EnableGrad())
            {
                using var y = x * 2;
                Assert.That(y.RequiresGrad, Is.True);
            }

            Assert.That(Torch.IsGradEnabled, Is.False);
        }
    }
}
