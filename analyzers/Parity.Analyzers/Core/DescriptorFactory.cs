using Microsoft.CodeAnalysis;

namespace Parity.Analyzers.Core;

/// <summary>
/// The one way Parity makes a <see cref="DiagnosticDescriptor"/>: it fixes the help link, enables
/// every rule by default and keeps the title, message and description next to each other.
/// </summary>
public static class DescriptorFactory
{
    /// <summary>Base of every help link; a rule's page is <c>{HelpLinkBase}{id}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/parity-contributors/parity/blob/main/docs/rules/";

    /// <summary>Creates a descriptor whose help link points at the rule's page under <c>docs/rules</c>.</summary>
    /// <param name="id">One of the ids in <see cref="AnalyzerIds"/>.</param>
    /// <param name="title">Short title; the rule's documentation page uses it as its heading.</param>
    /// <param name="messageFormat">The message shown at each location, with <c>{0}</c>-style arguments.</param>
    /// <param name="category">One of <see cref="DiagnosticCategories"/>.</param>
    /// <param name="defaultSeverity">Severity before any <c>.editorconfig</c> override.</param>
    /// <param name="description">A longer explanation of why the rule exists.</param>
    /// <param name="compilationEnd">
    /// True for a variant reported only once the whole compilation has been seen (the host's <c>CompilationEnd</c>
    /// tag: a build always shows it, an IDE with full-solution analysis).
    /// </param>
    /// <returns>The descriptor.</returns>
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description,
        bool compilationEnd = false)
        => new(
            id,
            title,
            messageFormat,
            category,
            defaultSeverity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id),
            customTags: compilationEnd ? [WellKnownDiagnosticTags.CompilationEnd] : []);

    /// <summary>The help link of a rule.</summary>
    /// <param name="id">The rule id.</param>
    /// <returns><see cref="HelpLinkBase"/> followed by <c>{id}.md</c>.</returns>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
