using System;
using System.Collections.Generic;

namespace Parity.Testing;

/// <summary>
/// Scopes that prove a piece of code reuses variables instead of creating them, for example the
/// second call of a migrated model.
/// </summary>
/// <remarks>
/// Both scopes sit on the variable creator chain (<see cref="VariableCreatorScope"/>), so they see
/// every variable the runtime creates, and, like the chain, they are async-local.
/// </remarks>
public static class VariableCreationScopes
{
    /// <summary>
    /// Opens a scope in which creating any variable throws immediately, at the creating line, with a
    /// message that lists the creation arguments. Nothing is created.
    /// </summary>
    /// <returns>The scope; dispose it (with <c>using</c>) to leave.</returns>
    public static IDisposable AssertNoVariableCreations() =>
        VariableCreatorScope.Push((args, _) => throw new VariableCreationException(
            "A variable was created inside an AssertNoVariableCreations scope:" + Environment.NewLine +
            "  " + VariableCreationException.Describe(args) + Environment.NewLine +
            "Code here should reuse existing variables. A forward pass that creates a variable on a later call " +
            "usually constructs a layer or variable per call, or calls an unnamed scoped layer outside a named variable scope.",
            new[] { args }));

    /// <summary>
    /// Opens a scope that lets variables be created but records them; disposing the scope throws,
    /// listing every variable created inside, when there was any.
    /// </summary>
    /// <returns>The scope; disposing it throws <see cref="VariableCreationException"/> if variables were created.</returns>
    /// <remarks>
    /// The throw happens in <c>Dispose</c>; if the block already threw, that exception is replaced, so
    /// keep the block to the code under test.
    /// </remarks>
    public static IDisposable CatchAndRaiseCreatedVariables() => new CatchingScope();

    private sealed class CatchingScope : IDisposable
    {
        private readonly List<VariableCreationArgs> created = new();
        private readonly IDisposable registration;
        private bool disposed;

        public CatchingScope()
        {
            registration = VariableCreatorScope.Push((args, next) =>
            {
                lock (created)
                {
                    created.Add(args);
                }

                return next(args);
            });
        }

        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            registration.Dispose();
            if (created.Count > 0)
            {
                throw new VariableCreationException(
                    $"{created.Count} variable(s) were created inside a CatchAndRaiseCreatedVariables scope:" + Environment.NewLine +
                    VariableCreationException.DescribeAll(created) + Environment.NewLine +
                    "Code here should reuse existing variables; each one above is created anew instead.",
                    created.ToArray());
            }
        }
    }
}
