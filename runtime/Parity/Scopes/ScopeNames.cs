using System;

namespace Parity;

/// <summary>
/// The names TF accepts for scopes, layers and variables: letters, digits and <c>_ . - &gt;</c>,
/// with <c>/</c> only between parts. Checked up front because a stray space or <c>:</c> would
/// otherwise surface much later as a checkpoint name that matches nothing.
/// </summary>
internal static class ScopeNames
{
    /// <summary>Throws an <see cref="ArgumentException"/> that shows a valid example unless <paramref name="name"/> is a valid name.</summary>
    /// <param name="name">The name to check.</param>
    /// <param name="api">The API that was given the name, for the message.</param>
    /// <param name="example">A valid name for that API, for the message.</param>
    /// <param name="parameter">The parameter that carried the name.</param>
    public static void Check(string? name, string api, string example, string parameter = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"{api} needs a non-empty name such as '{example}'.", parameter);
        }

        if (name[0] == '/' || name[^1] == '/' || name.Contains("//", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"{api} was given the name '{name}', which has an empty part between slashes. Write it like '{example}' or 'outer/{example}'.",
                parameter);
        }

        foreach (var c in name)
        {
            if (!IsAllowed(c))
            {
                throw new ArgumentException(
                    $"{api} was given the name '{name}', whose character '{c}' TF does not allow in scope or variable names. Use letters, digits and '_', '.', '-', '>' (and '/' between scopes), e.g. '{example}'.",
                    parameter);
            }
        }
    }

    private static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '>' or '/';
}
