using System;

namespace Parity.Benchmarks.Peers;

/// <summary>
/// Names the script (under benchmarks/peer/) that runs the same work in another stack. The script
/// prints JSON <c>{"peer": ..., "results": {"MethodName": {"median_ns": ...}}}</c> keyed by the
/// benchmark method names of the class; the ratio table pairs rows by those names.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PeerAttribute : Attribute
{
    public PeerAttribute(string script, params string[] arguments)
    {
        Script = script;
        Arguments = arguments;
    }

    /// <summary>File name of the script inside benchmarks/peer/.</summary>
    public string Script { get; }

    /// <summary>Extra command-line arguments for the script.</summary>
    public string[] Arguments { get; }
}
