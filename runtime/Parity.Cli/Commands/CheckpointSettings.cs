using System.ComponentModel;
using Spectre.Console.Cli;

namespace Parity.Cli.Commands;

/// <summary>What every <c>parity checkpoint</c> command starts with: the checkpoint to read.</summary>
internal class CheckpointSettings : CommandSettings
{
    /// <summary>The checkpoint prefix, its .index file, or a directory with a 'checkpoint' state file.</summary>
    [CommandArgument(0, "<PREFIX>")]
    [Description("Checkpoint prefix (dir/model.ckpt), its .index file, or a directory with a 'checkpoint' state file.")]
    public string Prefix { get; init; } = string.Empty;
}
