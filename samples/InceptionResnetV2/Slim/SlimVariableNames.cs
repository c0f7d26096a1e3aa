using System;

namespace Parity.Samples.InceptionResnetV2.Slim;

/// <summary>
/// Slim names a layer's kernel <c>weights</c> and its bias <c>biases</c> where the TF layer it wraps
/// says <c>kernel</c> and <c>bias</c>. Slim does it with a variable getter that renames; here a
/// variable creator on Parity's creator chain does the same, so checkpoints and structure
/// comparisons see TF-Slim's names.
/// </summary>
public static class SlimVariableNames
{
    private static readonly VariableCreator Renamer = (args, next) => next(args with { Name = ToSlim(args.Name) });

    /// <summary>Renames kernels and biases created until the returned scope is disposed.</summary>
    /// <returns>The creator scope.</returns>
    public static IDisposable Use() => VariableCreatorScope.Push(Renamer);

    /// <summary>Maps a TF layer variable name to slim's: <c>.../kernel</c> → <c>.../weights</c>, <c>.../bias</c> → <c>.../biases</c>.</summary>
    /// <param name="name">A full variable name.</param>
    /// <returns>The slim name; other names unchanged.</returns>
    public static string ToSlim(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.EndsWith("/kernel", StringComparison.Ordinal))
        {
            return string.Concat(name.AsSpan(0, name.Length - "kernel".Length), "weights");
        }

        return name.EndsWith("/bias", StringComparison.Ordinal) ? name + "es" : name;
    }
}
