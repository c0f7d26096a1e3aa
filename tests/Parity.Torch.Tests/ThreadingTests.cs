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
