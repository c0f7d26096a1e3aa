using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Parity.Analyzers.CodeFixes.Core;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.CodeFixes.LayerCreation;

/// <summary>Fixes PAR1002 by creating the layer once (see <see cref="CreateOnceCodeFixProvider"/>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LayerCreationCodeFixProvider)), Shared]
public sealed class LayerCreationCodeFixProvider : CreateOnceCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerIds.LayerCreatedInForwardPass);
}
