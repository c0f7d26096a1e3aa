using System;
using System.IO;
using Parity.Checkpoints;
using Parity.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parity.Cli;

/// <summary>The command tree of <c>parity</c> and its one error path.</summary>
public static class ParityApp
{
    /// <summary>Exit code of a command that ran and found nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a comparison that found differences.</summary>
    public const int Mismatch = 1;

    /// <summary>Exit code of an error: bad arguments, a missing or damaged file.</summary>
    public const int Error = 2;

    /// <summary>Runs one command line against <paramref name="console"/>.</summary>
    /// <param name="args">The arguments after <c>parity</c>.</param>
    /// <param name="console">Where output, progress and errors go.</param>
    /// <returns>The exit code: <see cref="Success"/>, <see cref="Mismatch"/> or <see cref="Error"/>.</returns>
    public static int Run(string[] args, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("parity");
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance<IAnsiConsole>(console);
            config.SetExceptionHandler((exception, _) => Report(exception, console));
            config.AddBranch("checkpoint", checkpoint =>
            {
                checkpoint.SetDescription("Read TF name-based checkpoints (PREFIX.index + PREFIX.data-NNNNN-of-NNNNN).");
                checkpoint.AddCommand<CheckpointListCommand>("list")
                    .WithDescription("List every tensor of a checkpoint: name, dtype, shape (reads the index only).")
                    .WithExample("checkpoint", "list", "model/model.ckpt");
                checkpoint.AddCommand<CheckpointConvertCommand>("convert")
                    .WithDescription("Write every tensor of a checkpoint to an .npz under its TF name, dtype and shape kept.")
                    .WithExample("checkpoint", "convert", "model/model.ckpt", "model.npz");
            });
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Compare two .npz files key by key (|actual - expected| <= atol + rtol * |expected|); exit code 1 on any difference.")
                .WithExample("compare", "expected.npz", "actual.npz", "--rtol", "1e-5", "--atol", "1e-6");
        });
        return app.Run(args);
    }

    private static int Report(Exception exception, IAnsiConsole console)
    {
        // Failures the user can act on get their message alone; anything else is a bug and shows its type.
        var known = exception is CheckpointFormatException or FileNotFoundException or DirectoryNotFoundException or NotSupportedException
            or ArgumentException or CommandAppException or IOException or UnauthorizedAccessException;
        var text = known ? exception.Message : exception.ToString();
        console.MarkupLine("[red]error:[/] " + Markup.Escape(text));
        return Error;
    }
}
