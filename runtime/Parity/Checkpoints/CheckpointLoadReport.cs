using System.Collections.Generic;
using System.Text;

namespace Parity.Checkpoints;

/// <summary>What <c>NpzCheckpoint.Load</c> did: the names loaded, and those that did not line up.</summary>
public sealed class CheckpointLoadReport
{
    internal CheckpointLoadReport(string path, IReadOnlyList<string> loaded, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> mismatched)
    {
        Path = path;
        Loaded = loaded;
        Missing = missing;
        Unexpected = unexpected;
        Mismatched = mismatched;
        Report = Format();
    }

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }

    /// <summary>Names of the variables that were (or, on failure, would have been) assigned.</summary>
    public IReadOnlyList<string> Loaded { get; }

    /// <summary>Variables with no array in the file.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Keys in the file that no variable asked for.</summary>
    public IReadOnlyList<string> Unexpected { get; }

    /// <summary>Variables whose array has another shape or dtype, one line each with both.</summary>
    public IReadOnlyList<string> Mismatched { get; }

    /// <summary>Whether every variable was found with its shape and dtype and every array was used.</summary>
    public bool IsComplete => Missing.Count == 0 && Unexpected.Count == 0 && Mismatched.Count == 0;

    /// <summary>A readable summary listing every problem.</summary>
    public string Report { get; }

    /// <summary>The report.</summary>
    /// <returns><see cref="Report"/>.</returns>
    public override string ToString() => Report;

    private string Format()
    {
        var text = new StringBuilder($"Checkpoint {Path}: {Loaded.Count} variable(s) match");
        if (IsComplete)
        {
            return text.Append(", nothing missing or unexpected.").ToString();
        }

        text.Append('.');
        Section(text, "Missing from the file", Missing);
        Section(text, "Unexpected in the file", Unexpected);
        Section(text, "Shape or dtype differs", Mismatched);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.AppendLine().Append(title).Append(" (").Append(lines.Count).Append("):");
        foreach (var line in lines)
        {
            text.AppendLine().Append("  ").Append(line);
        }
    }
}
