using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Parity.Analyzers.CodeFixes.Core;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.CodeFixes.VariableCreation;

/// <summary>Fixes PAR1001 by creating the variable once (see <see cref="CreateOnceCodeFixProvider"/>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VariableCreationCodeFixProvider)), Shared]
public sealed class VariableCreationCodeFixProvider : CreateOnceCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerIds.VariableCreatedInForwardPass);
}
