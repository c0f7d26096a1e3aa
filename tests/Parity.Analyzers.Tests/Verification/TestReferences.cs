using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>
/// What test code compiles against: the running .NET's own assemblies plus two stub assemblies built
/// from embedded sources, one with Parity's API (and the runtime's real marker attributes), one with
/// TorchSharp's. Built once per test run.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);
    private static readonly Lazy<MetadataReference> ParityStub = new(() => CompileStub("Parity", name => name.StartsWith("Stubs/Annotations/", StringComparison.Ordinal) || name == "Stubs/ParityApi.cs"));
    private static readonly Lazy<MetadataReference> TorchSharpStub = new(() => CompileStub("TorchSharp", name => name == "Stubs/TorchSharpApi.cs"));

    /// <summary>Parse options for all test code: the newest C#.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Compilation options for all test code: a library with nullable annotations on.</summary>
    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>Every reference test code gets: the framework, Parity and TorchSharp.</summary>
    public static ImmutableArray<MetadataReference> All => Framework.Value.Add(ParityStub.Value).Add(TorchSharpStub.Value);

    /// <summary>The framework's reference assemblies alone, for tests that build their own libraries.</summary>
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
        // The running framework's own directory: its assemblies are what "dotnet build" would reference.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static MetadataReference CompileStub(string assemblyName, Func<string, bool> include)
    {
        var trees = ResourceNames("Stubs/")
            .Where(include)
            .Select(name => CSharpSyntaxTree.ParseText(ReadResource(name), ParseOptions, path: name))
            .ToList();
        var compilation = CSharpCompilation.Create(assemblyName, trees, Framework.Value, CompilationOptions);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            throw new InvalidOperationException($"The {assemblyName} stub does not compile; fix Stubs/ (or the runtime's marker attributes):{Environment.NewLine}{errors}");
        }

        return MetadataReference.CreateFromImage(image.ToArray(), filePath: assemblyName + ".dll");
    }
}
