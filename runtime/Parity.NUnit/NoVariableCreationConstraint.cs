using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using NUnit.Framework.Constraints;
using Parity.Testing;

namespace Parity.NUnit;

/// <summary>
/// Succeeds when running the actual delegate creates no variable; on failure NUnit lists every
/// variable that was created, with its creation arguments. The code runs to completion: variables
/// are recorded, not blocked.
/// </summary>
public sealed class NoVariableCreationConstraint : Constraint
{
    /// <inheritdoc/>
    public override string Description => "code that creates no variables";

    /// <inheritdoc/>
    public override ConstraintResult ApplyTo<TActual>(TActual actual) => actual switch
    {
        TestDelegate code => Run(() => code()),
        AsyncTestDelegate code => Run(() => code().GetAwaiter().GetResult()),
        Delegate code when code.Method.GetParameters().Length == 0 => Run(() => Await(code.DynamicInvoke())),
        _ => throw new ArgumentException(
            $"Creates.NoVariables needs code to run, such as () => model.Call(x); the actual value is {(actual is null ? "null" : actual.GetType().Name)}.",
            nameof(actual)),
    };

    /// <inheritdoc/>
    public override ConstraintResult ApplyTo<TActual>(ActualValueDelegate<TActual> del)
    {
        ArgumentNullException.ThrowIfNull(del);
        return Run(() => Await(del()));
    }

    private ConstraintResult Run(Action code)
    {
        var created = new List<VariableCreationArgs>();
        using (VariableCreatorScope.Push((args, next) =>
        {
            lock (created)
            {
                created.Add(args);
            }

            return next(args);
        }))
        {
            code();
        }

        return new CreatedResult(this, created);
    }

    private static void Await(object? result)
    {
        if (result is Task task)
        {
            task.GetAwaiter().GetResult();
        }
    }

    private sealed class CreatedResult(IConstraint constraint, List<VariableCreationArgs> created)
        : ConstraintResult(constraint, created, created.Count == 0)
    {
        public override void WriteMessageTo(MessageWriter writer)
        {
            writer.WriteLine($"Expected code that creates no variables, but it created {created.Count}:");
            foreach (var args in created)
            {
                writer.WriteLine("  " + VariableCreationException.Describe(args));
            }
        }
    }
}
