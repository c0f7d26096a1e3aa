using Parity.Samples.InceptionResnetV2.MobilenetV1;

namespace Parity.Samples.Tests.SlimNets;

/// <summary>
/// The legacy slim ports against the NumPy reference, endpoint by endpoint, in inference and in
/// training. The four walkthrough steps compare the legacy code with the shim; only an outside
/// reference catches a port that is wrong on both sides: a stride-2 conv2d_same written as a plain
/// SAME conv passes those steps, but at 224 TF's SAME pads conv1 by 2 cells before and 3 after where
/// conv2d_same pads 3 and 3, shifting every later endpoint.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReferenceTests
{
    // Fractions of each endpoint's largest magnitude (at least 1). The reference computes in float64.
    // With a fixed atol of 1e-4, ResNet failed on 1 cell of 200,704 (1.3e-4 off: a near-zero residual
    // sum of larger terms), and MobileNet in training on 1 of 100,352 (1.1e-4), where every layer
    // renormalizes by statistics of as few as 98 cells (7x7, batch 2). A wrong layout, padding or
    // statistic moves outputs by a sizeable fraction of the scale.
    private const double InferenceAtol = 1e-4;
    private const double TrainingAtol = 5e-4;

    [TestCase(false)]
    [TestCase(true)]
    public void MobilenetV1MatchesTheNumPyReference(bool training)
    {
        var moving = SlimReferenceComparison.Compare("mobilenet_v1", (x, t) => LegacyMobilenetV1.Forward(x, t, dropoutKeepProbability: 1.0), training, training ? TrainingAtol : InferenceAtol);

        // 27 batch norms (Conv2d_0 and 13 depthwise + pointwise pairs), each a mean and a variance.
        Assert.That(moving, Is.EqualTo(training ? 2 * 27 : 0));
    }
}
