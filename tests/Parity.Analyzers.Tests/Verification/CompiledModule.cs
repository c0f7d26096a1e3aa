using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static TorchSharp.torch;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>
/// Compiles test source (markup removed) against the real TorchSharp and Parity, loads it and builds one of
/// its modules, so a test can run what a code fix produced instead of only reading it.
/// </summary>
internal static partial class CompiledModule
{
    /// <summary>Compiles <paramref name="source"/> and returns a new instance of its type <paramref name="typeName"/>.</summary>
    public static nn.Module<Tensor, Tensor> Create(string source, string typeName)
    {
        var tree = CSharpSyntaxTree.ParseText(WithoutMarkup(source), TestReferences.ParseOptions);
        var compilation = CSharpCompilation.Create(
            "Fixed" + Guid.NewGuid().ToString("N"),
            [tree],
            TestReferences.All,
            TestReferences.CompilationOptions);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.That(result.Success, Is.True, () => "the code does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var assembly = Assembly.Load(image.ToArray());
        var type = assembly.GetType(typeName) ?? throw new InvalidOperationException($"The compiled code declares no type '{typeName}'.");
        return (nn.Module<Tensor, Tensor>)Activator.CreateInstance(type)!;
    }

    /// <summary>The source with the test library's diagnostic markup (<c>[|...|]</c>, <c>{|#0:...|}</c>, <c>{|ID:...|}</c>) removed.</summary>
    public static string WithoutMarkup(string source) => Markup().Replace(source, string.Empty);

    [GeneratedRegex(@"\[\||\|\]|\{\|[^:|]*:|\|\}")]
    private static partial Regex Markup();
}
