using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace Parity.Analyzers.Package.Tests.Infrastructure;

/// <summary>Runs the <c>dotnet</c> CLI as a child process and captures everything it prints.</summary>
internal static class DotnetCommand
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static CommandResult Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host (and MSBuildLocator) point MSBuild variables at their own MSBuild; a child
        // build must pick its SDK the ordinary way, as a developer's shell would.
        foreach (var name in start.Environment.Keys.Where(IsHostVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`dotnet {string.Join(' ', arguments)}` did not finish within {Limit}; output so far:\n{output}");
        }

        process.WaitForExit();
        return new CommandResult(process.ExitCode, output.ToString(), "dotnet " + string.Join(' ', arguments));
    }

    private static bool IsHostVariable(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

/// <summary>Exit code and combined output of one CLI invocation.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string CommandLine)
{
    public IEnumerable<string> Lines => Output.Split('\n').Select(line => line.TrimEnd('\r'));

    /// <summary>Fails the current test with the full output when the command did not succeed.</summary>
    public CommandResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            Assert.Fail($"`{CommandLine}` exited with {ExitCode}:\n{Output}");
        }

        return this;
    }
}
