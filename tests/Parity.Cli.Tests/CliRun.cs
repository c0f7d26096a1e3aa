using System.IO;
using Spectre.Console;

namespace Parity.Cli.Tests;

/// <summary>Runs one <c>parity</c> command line in process, capturing what it prints as plain text.</summary>
internal static class CliRun
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        var exitCode = ParityApp.Run(args, console);
        return (exitCode, writer.ToString());
    }
}
