using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>
/// An expected diagnostic, written the way Microsoft.CodeAnalysis.Testing writes it
/// (<c>VerifyCS.Diagnostic("PAR1001").WithSpan(12, 17, 12, 31).WithArguments("Dense", "Forward")</c>) so
/// tests move to that library mechanically once it can be restored here.
/// </summary>
public sealed record DiagnosticResult
{
    private DiagnosticResult(string id) => Id = id;

    /// <summary>The diagnostic id.</summary>
    public string Id { get; }

    /// <summary>The file the diagnostic is in; null means the first source file.</summary>
    public string? Path { get; private init; }

    /// <summary>1-based start line, or null when the location comes from markup or is not checked.</summary>
    public int? StartLine { get; private init; }

    /// <summary>1-based start column.</summary>
    public int? StartColumn { get; private init; }

    /// <summary>1-based end line.</summary>
    public int? EndLine { get; private init; }

    /// <summary>1-based end column.</summary>
    public int? EndColumn { get; private init; }

    /// <summary>The <c>{|#n:...|}</c> marker this diagnostic is expected at.</summary>
    public int? LocationIndex { get; private init; }

    /// <summary>Message arguments to check, formatted into the descriptor's message.</summary>
    public object[]? Arguments { get; private init; }

    /// <summary>The exact message to check.</summary>
    public string? Message { get; private init; }

    /// <summary>True for an expected compiler diagnostic (written with <see cref="CompilerError"/>).</summary>
    public bool IsCompilerDiagnostic { get; private init; }

    /// <summary>An expected analyzer diagnostic with <paramref name="id"/>.</summary>
    public static DiagnosticResult Create(string id) => new(id);

    /// <summary>An expected compiler error, such as <c>CS0103</c>.</summary>
    public static DiagnosticResult CompilerError(string id) => new(id) { IsCompilerDiagnostic = true };

    /// <summary>Expects the diagnostic at this span of the first source file (1-based lines and columns).</summary>
    public DiagnosticResult WithSpan(int startLine, int startColumn, int endLine, int endColumn)
        => this with { StartLine = startLine, StartColumn = startColumn, EndLine = endLine, EndColumn = endColumn };

    /// <summary>Expects the diagnostic at this span of <paramref name="path"/>.</summary>
    public DiagnosticResult WithSpan(string path, int startLine, int startColumn, int endLine, int endColumn)
        => WithSpan(startLine, startColumn, endLine, endColumn) with { Path = path };

    /// <summary>Expects the diagnostic at the span marked <c>{|#index:...|}</c>.</summary>
    public DiagnosticResult WithLocation(int index) => this with { LocationIndex = index };

    /// <summary>Expects these message arguments.</summary>
    public DiagnosticResult WithArguments(params object[] arguments) => this with { Arguments = arguments };

    /// <summary>Expects exactly this message.</summary>
    public DiagnosticResult WithMessage(string message) => this with { Message = message };

    internal bool HasSpan => StartLine is not null;

    internal DiagnosticResult WithMarkedSpan(MarkedSpan span)
        => WithSpan(span.StartLine, span.StartColumn, span.EndLine, span.EndColumn) with { Path = span.Path, LocationIndex = null };

    /// <summary>The C# that creates this expectation, ready to paste into a test.</summary>
    public string ToPasteReady(string defaultPath)
    {
        var text = IsCompilerDiagnostic
            ? $"DiagnosticResult.CompilerError(\"{Id}\")"
            : $"VerifyCS.Diagnostic(\"{Id}\")";
        if (LocationIndex is { } index)
        {
            text += $".WithLocation({index})";
        }
        else if (HasSpan)
        {
            var path = Path is null || Path == defaultPath ? string.Empty : $"\"{Path}\", ";
            text += $".WithSpan({path}{StartLine}, {StartColumn}, {EndLine}, {EndColumn})";
        }

        if (Arguments is { } arguments)
        {
            text += ".WithArguments(" + string.Join(", ", arguments.Select(Literal)) + ")";
        }

        if (Message is { } message)
        {
            text += $".WithMessage({Literal(message)})";
        }

        return text;
    }

    private static string Literal(object value) => value switch
    {
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
