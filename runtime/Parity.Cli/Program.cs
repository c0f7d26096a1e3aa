namespace Parity.Cli;

/// <summary>The <c>parity</c> tool's entry point.</summary>
public static class Program
{
    /// <summary>Runs one command and returns its exit code.</summary>
    /// <param name="args">The command line, e.g. <c>checkpoint list model.ckpt</c>.</param>
    /// <returns>0 on success, 1 when a comparison finds differences, 2 on an error.</returns>
    public static int Main(string[] args) => ParityApp.Run(args, Spectre.Console.AnsiConsole.Console);
}
