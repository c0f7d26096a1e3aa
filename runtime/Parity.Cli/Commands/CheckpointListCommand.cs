using System.Globalization;
using System.Linq;
using Parity.Checkpoints;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parity.Cli.Commands;

/// <summary><c>parity checkpoint list PREFIX</c>: every tensor's name, dtype and shape, as TF's checkpoint inspection prints them.</summary>
internal sealed class CheckpointListCommand(IAnsiConsole console) : Command<CheckpointSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, CheckpointSettings settings)
    {
        var checkpoint = TfCheckpoint.Open(settings.Prefix);
        var table = new Table().Border(TableBorder.Simple).AddColumns("name", "dtype", "shape", "bytes");
        table.Columns[3].RightAligned();
        foreach (var entry in checkpoint.Entries)
        {
            var dtype = entry.IsPartitioned ? $"{entry.DType} (partitioned, {entry.Slices.Count} slices)" : entry.DType;
            table.AddRow(
                Markup.Escape(entry.Name),
                Markup.Escape(dtype),
                Markup.Escape("[" + string.Join(", ", entry.Shape) + "]"),
                entry.IsPartitioned ? "-" : entry.Size.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var total = checkpoint.Entries.Where(entry => !entry.IsPartitioned).Sum(entry => entry.Size);
        console.MarkupLine(CultureInfo.InvariantCulture, "{0} tensors, {1:N0} bytes in {2} data file(s): {3}", checkpoint.Entries.Count, total, checkpoint.ShardCount, Markup.Escape(checkpoint.Prefix));
        return ParityApp.Success;
    }
}
