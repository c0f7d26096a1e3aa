using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using Parity.Checkpoints;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace Parity.Cli.Commands;

/// <summary><c>parity checkpoint convert PREFIX OUT.npz</c>: every tensor under its TF name, dtype and shape kept, readable with <c>numpy.load</c>.</summary>
internal sealed class CheckpointConvertCommand(IAnsiConsole console) : Command<CheckpointConvertCommand.Settings>
{
    /// <summary>The arguments.</summary>
    public sealed class Settings : CheckpointSettings
    {
        /// <summary>The .npz file to write.</summary>
        [CommandArgument(1, "<OUT.npz>")]
        [Description("The .npz file to write (overwritten; written to a temporary file first).")]
        public string Output { get; init; } = string.Empty;

        /// <summary>Whether to deflate the arrays.</summary>
        [CommandOption("--compress")]
        [Description("Deflate the arrays, like numpy.savez_compressed.")]
        public bool Compress { get; init; }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings)
    {
        var checkpoint = TfCheckpoint.Open(settings.Prefix);
        // Refuse before reading anything: a half-converted checkpoint is no use.
        var unconvertible = checkpoint.Entries
            .Where(entry => entry.IsPartitioned || entry.TorchDType is null || entry.TorchDType == ScalarType.BFloat16)
            .Select(entry => $"'{entry.Name}' ({(entry.IsPartitioned ? "partitioned" : entry.DType)})")
            .ToArray();
        if (unconvertible.Length > 0)
        {
            console.MarkupLine(
                "[red]error:[/] " + Markup.Escape(
                    $"{checkpoint.Prefix}: {unconvertible.Length} tensor(s) cannot be stored in an .npz: {string.Join(", ", unconvertible)}. " +
                    ".npz holds float16, float32, float64, int8, int16, int32, int64, uint8 and bool arrays; partitioned variables are not reassembled."));
            return ParityApp.Error;
        }

        var tensors = new List<KeyValuePair<string, Tensor>>();
        try
        {
            var total = checkpoint.Entries.Sum(entry => entry.Size);
            console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn())
                .Start(progress =>
                {
                    var reading = progress.AddTask("reading", maxValue: System.Math.Max(total, 1));
                    foreach (var entry in checkpoint.Entries)
                    {
                        reading.Description = Markup.Escape(entry.Name);
                        tensors.Add(new(entry.Name, checkpoint.Read(entry.Name)));
                        reading.Increment(entry.Size);
                    }

                    reading.Description = "writing " + Markup.Escape(settings.Output);
                    NpzCheckpoint.WriteTensors(settings.Output, tensors, settings.Compress);
                    reading.Value = reading.MaxValue;
                });
            console.MarkupLine(CultureInfo.InvariantCulture, "{0} tensors written to {1}", tensors.Count, Markup.Escape(settings.Output));
            return ParityApp.Success;
        }
        finally
        {
            foreach (var (_, tensor) in tensors)
            {
                tensor.Dispose();
            }
        }
    }
}
