using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Parity.Analyzers.Tests.Verification;

/// <summary>Matches expected against actual diagnostics and explains a mismatch in paste-ready C#.</summary>
internal static class DiagnosticComparison
{
    /// <summary>Fails the test unless <paramref name="actual"/> is exactly <paramref name="expected"/>.</summary>
    public static void AssertMatch(string state, IReadOnlyList<DiagnosticResult> expected, IReadOnlyList<Diagnostic> actual, string defaultPath)
    {
        var unmatchedActual = actual.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        var missing = new List<DiagnosticResult>();
        foreach (var expectation in expected)
        {
            var match = unmatchedActual.FirstOrDefault(d => Matches(expectation, d, defaultPath));
            if (match is null)
            {
                missing.Add(expectation);
            }
            else
            {
                unmatchedActual.Remove(match);
            }
        }

        if (missing.Count == 0 && unmatchedActual.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.AppendLine(CultureInfo.InvariantCulture, $"{state}: expected {expected.Count} diagnostic(s), found {actual.Count}.");
        Section(message, "Expected but not reported:", missing.Select(m => m.ToPasteReady(defaultPath)));
        Section(message, "Reported but not expected:", unmatchedActual.Select(d => Describe(d, defaultPath)));
        Section(message, "All reported diagnostics (paste-ready):", actual.OrderBy(d => d.Location.SourceSpan.Start).Select(d => ToResult(d).ToPasteReady(defaultPath) + ","));
        Assert.Fail(message.ToString());
    }

    /// <summary>The expectation that <paramref name="diagnostic"/> satisfies exactly, with its message arguments.</summary>
    public static DiagnosticResult ToResult(Diagnostic diagnostic)
    {
        var result = diagnostic.Descriptor.Category == "Compiler"
            ? DiagnosticResult.CompilerError(diagnostic.Id)
            : DiagnosticResult.Create(diagnostic.Id);
        if (diagnostic.Location.IsInSource)
        {
            var span = diagnostic.Location.GetLineSpan();
            result = result.WithSpan(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
        }

        return Arguments(diagnostic) is { Length: > 0 } arguments && result.IsCompilerDiagnostic is false
            ? result.WithArguments(arguments)
            : result;
    }

    private static string Describe(Diagnostic diagnostic, string defaultPath)
        => ToResult(diagnostic).ToPasteReady(defaultPath) + "   // " + diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static bool Matches(DiagnosticResult expected, Diagnostic actual, string defaultPath)
    {
        if (expected.Id != actual.Id)
        {
            return false;
        }

        if (expected.HasSpan)
        {
            var span = actual.Location.GetLineSpan();
            if ((expected.Path ?? defaultPath) != span.Path
                || expected.StartLine != span.StartLinePosition.Line + 1
                || expected.StartColumn != span.StartLinePosition.Character + 1
                || expected.EndLine != span.EndLinePosition.Line + 1
                || expected.EndColumn != span.EndLinePosition.Character + 1)
            {
                return false;
            }
        }

        var message = actual.GetMessage(CultureInfo.InvariantCulture);
        if (expected.Message is { } expectedMessage && expectedMessage != message)
        {
            return false;
        }

        return expected.Arguments is not { } arguments
            || string.Format(CultureInfo.InvariantCulture, actual.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), arguments) == message;
    }

    /// <summary>Roslyn keeps message arguments internal; reading them lets the failure output be pasted as it is.</summary>
    private static object[]? Arguments(Diagnostic diagnostic)
        => diagnostic.GetType().GetProperty("Arguments", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(diagnostic) switch
        {
            IReadOnlyList<object?> list => list.Select(a => a ?? "null").ToArray(),
            _ => null,
        };

    private static void Section(StringBuilder message, string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return;
        }

        message.AppendLine().AppendLine(title);
        foreach (var line in items)
        {
            message.Append("    ").AppendLine(line);
        }
    }
}
