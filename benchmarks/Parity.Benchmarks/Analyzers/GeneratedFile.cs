namespace Parity.Benchmarks.Analyzers;

/// <summary>One generated source file and the path it is compiled under.</summary>
internal sealed record GeneratedFile(string Path, string Text);
