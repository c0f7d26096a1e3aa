using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>
/// What test code compiles against: the running .NET's own assemblies, the real TorchSharp assembly of the
/// TorchSharp package and the real Parity runtime assembly. Nothing is stubbed, so a test that compiles here
/// compiles in a user's project, and the analyzers see exactly the symbols (and marker attributes) users have.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);
    private static readonly Lazy<ImmutableArray<MetadataReference>> Everything = new(() => Framework.Value
        .Add(MetadataReference.CreateFromFile(typeof(global::TorchSharp.torch).Assembly.Location))
        .Add(MetadataReference.CreateFromFile(typeof(Parity.Variable).Assembly.Location)));

    /// <summary>Parse options for all test code: the newest C#.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Compilation options for all test code: a library with nullable annotations on.</summary>
    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>Every reference test code gets: the framework, TorchSharp and Parity.</summary>
    public static ImmutableArray<MetadataReference> All => Everything.Value;

    /// <summary>The framework's assemblies alone, for tests that build their own libraries.</summary>
    public static ImmutableArray<MetadataReference> FrameworkOnly => Framework.Value;

    /// <summary>Reads an embedded resource of this assembly as text.</summary>
    public static string ReadResource(string name)
    {
        using var stream = typeof(TestReferences).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing; check the EmbeddedResource items of the test project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Names of the embedded resources that start with <paramref name="prefix"/>.</summary>
    public static IEnumerable<string> ResourceNames(string prefix)
        => typeof(TestReferences).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        // The running framework's own directory: the assemblies the test host (and the fixed modules the tests
        // run) bind to, so compiling against them needs no reference-assembly download.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
