using System;
using System.Collections.Generic;
using System.Linq;
using Parity.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Testing;

/// <summary>Comparison against endpoints the original TF1 model recorded in its own environment.</summary>
public static partial class EndpointComparison
{
    /// <summary>
    /// Compares endpoints with a recording of the original model: an <c>.npz</c> whose keys are endpoint names,
    /// written in the TF1 environment next to the checkpoint, for example
    /// <c>np.savez("endpoints.npz", **sess.run(end_points, {images: batch}))</c>. The recording's order (the
    /// order <c>np.savez</c> was given the endpoints, which for TF-Slim's <c>end_points</c> is the order they
    /// are computed) decides which divergence is first.
    /// </summary>
    /// <param name="actual">The endpoints of the code under test, run on the recorded input.</param>
    /// <param name="recordingPath">The <c>.npz</c> recording.</param>
    /// <param name="rtol">Relative tolerance; null for each endpoint dtype's default.</param>
    /// <param name="atol">Absolute tolerance; null for each endpoint dtype's default.</param>
    /// <param name="equalNan">Whether NaN at the same index on both sides counts as equal.</param>
    /// <param name="nameMap">Optional map from an actual endpoint name to the recorded name it stands for.</param>
    /// <param name="actualIsNchw">
    /// True when the code under test is a TorchSharp port whose 4-D endpoints are NCHW: they are compared as
    /// NHWC, TF's layout in the recording.
    /// </param>
    /// <returns>The table and the first divergent endpoint.</returns>
    /// <exception cref="CheckpointFormatException">The recording is not a readable <c>.npz</c> archive.</exception>
    /// <exception cref="System.IO.FileNotFoundException">The recording does not exist.</exception>
    /// <exception cref="ArgumentException">
    /// A side repeats a name, or an endpoint's shape is the recorded one in the other layout (the message says
    /// which value of <paramref name="actualIsNchw"/> to pass).
    /// </exception>
    public static EndpointReport Compare(
        IEnumerable<KeyValuePair<string, Tensor>> actual,
        string recordingPath,
        double? rtol = null,
        double? atol = null,
        bool equalNan = false,
        Func<string, string>? nameMap = null,
        bool actualIsNchw = false)
    {
        ArgumentNullException.ThrowIfNull(actual);

        // The recording and the NHWC views of NCHW endpoints live only for the comparison.
        using var scope = torch.NewDisposeScope();
        var recorded = NpzCheckpoint.ReadTensorsInOrder(recordingPath);
        var map = nameMap ?? (name => name);
        var byName = recorded.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var laidOut = actual.Select(pair => new KeyValuePair<string, Tensor>(pair.Key, actualIsNchw && pair.Value.dim() == 4 ? pair.Value.permute(0, 2, 3, 1) : pair.Value)).ToArray();
        foreach (var (name, tensor) in laidOut)
        {
            if (byName.TryGetValue(map(name), out var wanted))
            {
                CheckLayout(name, tensor, wanted, actualIsNchw, recordingPath);
            }
        }

        return Compare(laidOut, recorded, rtol, atol, equalNan, nameMap);
    }

    /// <summary>Asserts that every endpoint matches a recording of the original model; see <see cref="Compare(IEnumerable{KeyValuePair{string, Tensor}}, string, double?, double?, bool, Func{string, string}?, bool)"/>.</summary>
    /// <param name="actual">The endpoints of the code under test, run on the recorded input.</param>
    /// <param name="recordingPath">The <c>.npz</c> recording.</param>
    /// <param name="rtol">Relative tolerance; null for each endpoint dtype's default.</param>
    /// <param name="atol">Absolute tolerance; null for each endpoint dtype's default.</param>
    /// <param name="equalNan">Whether NaN at the same index on both sides counts as equal.</param>
    /// <param name="nameMap">Optional map from an actual endpoint name to the recorded name it stands for.</param>
    /// <param name="actualIsNchw">True when the actual 4-D endpoints are NCHW (compared as NHWC).</param>
    /// <exception cref="EndpointMismatchException">An endpoint is missing, unexpected or not close; the message names the first divergent endpoint.</exception>
    public static void AssertMatchesRecording(
        IEnumerable<KeyValuePair<string, Tensor>> actual,
        string recordingPath,
        double? rtol = null,
        double? atol = null,
        bool equalNan = false,
        Func<string, string>? nameMap = null,
        bool actualIsNchw = false)
    {
        var report = Compare(actual, recordingPath, rtol, atol, equalNan, nameMap, actualIsNchw);
        if (!report.IsClose)
        {
            throw new EndpointMismatchException(report);
        }
    }

    /// <summary>A 4-D endpoint whose shape is the recorded one with channels moved is a layout mistake, not a wrong model.</summary>
    private static void CheckLayout(string name, Tensor actual, Tensor recorded, bool actualIsNchw, string recordingPath)
    {
        if (actual.dim() != 4 || recorded.dim() != 4 || actual.shape.SequenceEqual(recorded.shape))
        {
            return;
        }

        long[] s = actual.shape;
        long[] moved = actualIsNchw ? [s[0], s[3], s[1], s[2]] : [s[0], s[2], s[3], s[1]];
        if (moved.SequenceEqual(recorded.shape))
        {
            var hint = actualIsNchw
                ? "it is already NHWC: pass actualIsNchw: false"
                : "it looks NCHW (a TorchSharp port): pass actualIsNchw: true to compare it as NHWC";
            throw new ArgumentException(
                $"Endpoint '{name}' has shape {ShapeFormat.Format(actual.shape)} where {recordingPath} recorded the TF (NHWC) shape {ShapeFormat.Format(recorded.shape)}; {hint}.",
                nameof(actualIsNchw));
        }
    }
}
