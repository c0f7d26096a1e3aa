using System;
using System.Text;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// Broken code of the kind met while typing, made from real source by a seeded random: characters and lines
/// cut, brackets and parentheses dropped or inserted. The text searches that stand in for syntax walks are held
/// to the walk on such mutants, since broken code is where text and tree part ways.
/// </summary>
internal static class SourceMutations
{
    /// <summary>One to three edits of <paramref name="source"/>, chosen by <paramref name="random"/>.</summary>
    public static string Mutate(string source, Random random)
    {
        var text = new StringBuilder(source);
        for (var edits = random.Next(1, 4); edits > 0 && text.Length > 2; edits--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0:
                    text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at));
                    break;
                case 1:
                    var lineEnd = source.IndexOf('\n', Math.Min(at, source.Length - 1));
                    text.Remove(at, Math.Max(0, Math.Min(lineEnd < 0 ? 1 : lineEnd - at, text.Length - at)));
                    break;
                case 2:
                    text.Insert(at, "()[]{}\n/*"[random.Next(9)]);
                    break;
                default:
                    var bracket = text.ToString().IndexOfAny(new[] { '(', ')', '{', '}', '[', ']' }, at);
                    if (bracket >= 0)
                    {
                        text.Remove(bracket, 1);
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
