using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>
/// Points a test of the standard library at Parity's references: no reference-assembly package (nothing is
/// downloaded), the running framework, the real TorchSharp and the real Parity runtime, the newest C# and
/// nullable annotations on; id-only markup names a rule's main descriptor.
/// </summary>
internal static class ParityTestSetup
{
    private static readonly ReferenceAssemblies NoPackage = new("net10.0");

    /// <summary>Applies Parity's references and options to <paramref name="test"/> and every project it adds.</summary>
    public static void Configure(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = NoPackage;

        // A rule's variant messages share its id; {|PAR1002:...|} means the rule's main descriptor, listed first.
        test.MarkupOptions = MarkupOptions.UseFirstDescriptor;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            foreach (var project in solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToList())
            {
                solution = solution
                    .WithProjectCompilationOptions(project.Id, ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable))
                    .WithProjectParseOptions(project.Id, TestReferences.ParseOptions);
            }

            return solution;
        });
    }
}
