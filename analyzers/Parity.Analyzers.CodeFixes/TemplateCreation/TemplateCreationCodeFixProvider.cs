using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Parity.Analyzers.CodeFixes.Core;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.CodeFixes.TemplateCreation;

/// <summary>
/// Fixes PAR1004 by making the template once behind <c>field ??= ...</c> (see
/// <see cref="CreateOnceCodeFixProvider"/>); a template needs the variable store, so it never moves into a
/// constructor.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TemplateCreationCodeFixProvider)), Shared]
public sealed class TemplateCreationCodeFixProvider : CreateOnceCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerIds.TemplateCreatedInForwardPass);
}
