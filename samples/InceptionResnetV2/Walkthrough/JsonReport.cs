using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>Writes the report in the walkthrough's JSON shape (see README's main job).</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The report as JSON text.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Indented JSON.</returns>
    public static string Format(ValidationReport report)
    {
        System.ArgumentNullException.ThrowIfNull(report);
        var root = new JsonObject
        {
            ["model"] = report.Model,
            ["variables"] = new JsonObject
            {
                ["count"] = report.VariableCount,
                ["trainable"] = report.TrainableCount,
                ["list"] = new JsonArray([.. report.Variables.Select(v => (JsonNode)new JsonObject
                {
                    ["name"] = v.Name,
                    ["shape"] = new JsonArray([.. v.Shape.Select(d => (JsonNode?)d)]),
                    ["trainable"] = v.Trainable,
                })]),
            },
            ["steps"] = new JsonArray([.. report.Steps.Select(step => (JsonNode)new JsonObject
            {
                ["name"] = step.Name,
                ["passed"] = step.Passed,
                ["max_abs_diff"] = step.MaxAbsDiff,
                ["max_rel_diff"] = step.MaxRelDiff,
                ["seconds"] = step.Seconds,
            })]),
            ["constant_inference"] = report.Constant is { } constant
                ? new JsonObject
                {
                    ["regularization_loss"] = constant.RegularizationLoss,
                    ["logits_first5"] = new JsonArray([.. constant.LogitsFirst5.Select(v => (JsonNode?)v)]),
                    ["aux_logits_first5"] = new JsonArray([.. constant.AuxLogitsFirst5.Select(v => (JsonNode?)v)]),
                }
                : null,
            ["blind_spots"] = report.BlindSpotSize is { } size
                ? new JsonObject
                {
                    ["size"] = size,
                    ["constant"] = BlindSpots(report.ConstantBlindSpots),
                    ["distinct"] = BlindSpots(report.DistinctBlindSpots),
                }
                : null,
            ["timings"] = new JsonObject { ["forward_ms_shim"] = report.ForwardMsShim, ["forward_ms_native"] = report.ForwardMsNative },
        };
        return root.ToJsonString(Indented);
    }

    private static JsonObject? BlindSpots(Parity.Testing.BlindSpotReport? spots) => spots is null
        ? null
        : new JsonObject
        {
            ["variables"] = spots.VariableCount,
            ["detected"] = spots.Detected.Count,
            ["covered_fraction"] = spots.CoveredFraction,
            ["relative_step"] = spots.RelativeStep,
            ["undetected"] = new JsonArray([.. spots.Undetected.Select(name => (JsonNode?)name)]),
        };

    /// <summary>Writes <see cref="Format"/> to <paramref name="path"/>, creating its folder.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The file to write.</param>
    public static void Write(ValidationReport report, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, Format(report));
    }
}
