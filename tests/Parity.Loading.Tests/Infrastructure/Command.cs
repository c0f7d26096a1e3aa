using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace Parity.Loading.Tests.Infrastructure;

/// <summary>Runs a program (dotnet, g++, readelf, a built app) and keeps what it printed.</summary>
internal static class Command
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static CommandResult Run(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
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

        // A test host exports the MSBuild it runs under (MSBUILD*, DOTNET_HOST_PATH); a child build must
        // find its SDK as a developer's shell does, not inherit the host's.
        foreach (var name in start.Environment.Keys.Where(IsHostVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        var errors = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{program} {string.Join(' ', arguments)}` did not finish within {Limit}:\n{output}{errors}");
        }

        // The parameterless wait also drains the redirected streams.
        process.WaitForExit();
        return new CommandResult(process.ExitCode, output.ToString(), errors.ToString(), $"{program} {string.Join(' ', arguments)}", watch.Elapsed);
    }

    private static bool IsHostVariable(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase);

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }
}

/// <summary>Exit code, standard output and standard error of one run, and how long it took.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Errors, string CommandLine, TimeSpan Elapsed)
{
    /// <summary>Both streams, for messages and for searching a build's warnings.</summary>
    public string All => Output + Errors;

    public IEnumerable<string> Lines => All.Split('\n').Select(line => line.TrimEnd('\r'));

    /// <summary>Fails the current test with everything printed when the command did not succeed.</summary>
    public CommandResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            Assert.Fail($"`{CommandLine}` exited with {ExitCode}:\n{All}");
        }

        return this;
    }
}
