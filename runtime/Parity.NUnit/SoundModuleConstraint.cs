using System;
using NUnit.Framework.Constraints;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.NUnit;

/// <summary>
/// Succeeds when the actual TorchSharp module passes <see cref="ModuleCheck"/> on the given input:
/// everything it holds is registered, its state survives a call unchanged, two <c>eval()</c> calls
/// agree and <c>to(dtype)</c> reaches every tensor. On failure NUnit shows every finding by field name.
/// </summary>
public sealed class SoundModuleConstraint : Constraint
{
    private readonly Tensor input;

    /// <summary>Creates the constraint; usually written <c>Is.SoundModule(input)</c>.</summary>
    /// <param name="input">A representative input to run the module on.</param>
    public SoundModuleConstraint(Tensor input)
        : base(input)
    {
        this.input = input ?? throw new ArgumentNullException(nameof(input));
    }

    /// <inheritdoc/>
    public override string Description => "a TorchSharp module that registers what it holds and keeps its state across calls";

    /// <inheritdoc/>
    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        var module = actual as nn.Module<Tensor, Tensor> ?? throw new ArgumentException(
            $"Is.SoundModule checks a torch.nn.Module<Tensor, Tensor>; the actual value is {(actual is null ? "null" : actual.GetType().Name)}.",
            nameof(actual));
        return new ReportResult(this, actual, ModuleCheck.Run(module, input));
    }

    private sealed class ReportResult(IConstraint constraint, object? actual, ModuleCheckReport report)
        : ConstraintResult(constraint, actual, report.IsSound)
    {
        public override void WriteActualValueTo(MessageWriter writer) => writer.Write(report.ToString());
    }
}
