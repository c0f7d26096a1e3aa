using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace Parity.Benchmarks.Peers;

/// <summary>One peer measurement: median wall-clock and median thread-CPU time of one invocation.</summary>
public sealed record PeerTiming(string Name, double MedianNanoseconds, double CpuMedianNanoseconds);

/// <summary>The parsed output of a peer script.</summary>
public sealed record PeerRun(string Peer, IReadOnlyDictionary<string, PeerTiming> Results);

/// <summary>
/// Runs a peer script with Debian's Python (/usr/bin/python3, which has python3-torch; the python3
/// on PATH may be another interpreter) and reads the JSON it prints on stdout:
/// <c>{"peer": "PyTorch", "results": {"Method": {"median_ns": 1.0, "cpu_median_ns": 1.0}}}</c>.
/// </summary>
public static class PythonPeer
{
    public const string Interpreter = "/usr/bin/python3";

    public static PeerRun Run(string script, IEnumerable<string> arguments)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "peer", script);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Peer script {script} is not in {Path.GetDirectoryName(path)}; add it to benchmarks/peer/ and rebuild.", path);
        }

        if (!File.Exists(Interpreter))
        {
            throw new FileNotFoundException($"{Interpreter} is missing; install the peer with `apt-get install -y python3-torch` (./build.sh deps).", Interpreter);
        }

        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Interpreter}.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Peer {script} exited with {process.ExitCode}:\n{errors.Result}");
        }

        return Parse(output);
    }

    public static PeerRun Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var results = new Dictionary<string, PeerTiming>();
        foreach (var entry in root.GetProperty("results").EnumerateObject())
        {
            results[entry.Name] = new PeerTiming(
                entry.Name,
                entry.Value.GetProperty("median_ns").GetDouble(),
                entry.Value.GetProperty("cpu_median_ns").GetDouble());
        }

        return new PeerRun(root.GetProperty("peer").GetString() ?? "peer", results);
    }
}
