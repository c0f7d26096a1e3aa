using System;
using System.Collections.Generic;
using System.Linq;

namespace Parity.Testing;

/// <summary>
/// Thrown by the scopes of <see cref="VariableCreationScopes"/> when code that should only reuse
/// existing variables created new ones.
/// </summary>
public sealed class VariableCreationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="created">The creation requests that were caught, in order.</param>
    public VariableCreationException(string message, IReadOnlyList<VariableCreationArgs> created)
        : base(message)
    {
        Created = created ?? throw new ArgumentNullException(nameof(created));
    }

    /// <summary>The creation requests that were caught, in order.</summary>
    public IReadOnlyList<VariableCreationArgs> Created { get; }

    /// <summary>Describes one creation request: name, shape, dtype, trainable, initializer and regularizer.</summary>
    /// <param name="args">The request.</param>
    /// <returns>For example <c>'dense/kernel' shape=(3, 4) dtype=float32 trainable=true initializer=... regularizer=none</c>.</returns>
    public static string Describe(VariableCreationArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return $"'{args.Name}' shape={ShapeFormat.Format(args.Shape)} dtype={DTypeNames.Of(args.DType)} " +
               $"trainable={(args.Trainable ? "true" : "false")} initializer={args.Initializer} " +
               $"regularizer={(args.Regularizer is null ? "none" : args.Regularizer.ToString())}";
    }

    internal static string DescribeAll(IEnumerable<VariableCreationArgs> created) =>
        string.Join(Environment.NewLine, created.Select(args => "  " + Describe(args)));
}
