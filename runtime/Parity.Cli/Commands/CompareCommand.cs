using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using Parity.Checkpoints;
using Parity.Testing;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace Parity.Cli.Commands;

/// <summary>
/// <c>parity compare EXPECTED.npz ACTUAL.npz</c>: every key of the expected file against the same key of
/// the actual one, in the expected file's order, with torch's closeness rule and per-dtype defaults.
/// </summary>
internal sealed class CompareCommand(IAnsiConsole console) : Command<CompareCommand.Settings>
{
    /// <summary>The arguments.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The reference file.</summary>
        [CommandArgument(0, "<EXPECTED.npz>")]
        [Description("The reference arrays (e.g. recorded from the original model).")]
        public string Expected { get; init; } = string.Empty;

        /// <summary>The file under test.</summary>
        [CommandArgument(1, "<ACTUAL.npz>")]
        [Description("The arrays under test, with the same keys.")]
        public string Actual { get; init; } = string.Empty;

        /// <summary>Relative tolerance; given together with <see cref="Atol"/>, as in torch.</summary>
        [CommandOption("--rtol <R>")]
        [Description("Relative tolerance (give --atol too). Default per dtype: float32 1.3e-6, float64 1e-7, integers 0.")]
        public double? Rtol { get; init; }

        /// <summary>Absolute tolerance; given together with <see cref="Rtol"/>, as in torch.</summary>
        [CommandOption("--atol <A>")]
        [Description("Absolute tolerance (give --rtol too). Default per dtype: float32 1e-5, float64 1e-7, integers 0.")]
        public double? Atol { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (Rtol.HasValue != Atol.HasValue)
            {
                return ValidationResult.Error("Give both --rtol and --atol, or neither (then each dtype's default applies), as torch.testing.assert_close does.");
            }

            return Rtol < 0 || Atol < 0 ? ValidationResult.Error("--rtol and --atol must not be negative.") : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings)
    {
        var expected = NpzCheckpoint.ReadTensorsInOrder(settings.Expected);
        var actual = NpzCheckpoint.ReadTensors(settings.Actual);
        try
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("key", "result", "shape", "dtype", "greatest mismatch", "mismatched");
            var failures = new List<string>();
            foreach (var (key, reference) in expected)
            {
                var label = Markup.Escape(key);
                if (!actual.TryGetValue(key, out var value))
                {
                    table.AddRow(label, "[red]missing[/]", Shape(reference), DTypeName(reference), "-", "-");
                    failures.Add($"'{key}' is missing from {settings.Actual}.");
                    continue;
                }

                var comparison = TensorAssert.Compare(value, reference, settings.Rtol, settings.Atol);
                var result = comparison.Outcome switch
                {
                    ComparisonOutcome.Close => "[green]close[/]",
                    ComparisonOutcome.ShapeMismatch => "[red]shape differs[/]",
                    ComparisonOutcome.DTypeMismatch => "[red]dtype differs[/]",
                    _ => "[red]values differ[/]",
                };
                var mismatched = comparison.ElementCount > 0
                    ? $"{comparison.MismatchCount} / {comparison.ElementCount}"
                    : "-";
                var greatest = comparison.GreatestAbsolute is { } difference ? difference.Difference.ToString("g4", CultureInfo.InvariantCulture) : "-";
                table.AddRow(label, result, Shape(reference), DTypeName(reference), greatest, mismatched);
                if (!comparison.IsClose)
                {
                    failures.Add($"'{key}': {comparison.Report}");
                }
            }

            var expectedKeys = expected.Select(pair => pair.Key).ToHashSet();
            foreach (var (key, value) in actual.Where(pair => !expectedKeys.Contains(pair.Key)))
            {
                table.AddRow(Markup.Escape(key), "[red]unexpected[/]", Shape(value), DTypeName(value), "-", "-");
                failures.Add($"'{key}' is in {settings.Actual} but not in {settings.Expected}.");
            }

            console.Write(table);
            foreach (var failure in failures)
            {
                console.WriteLine(failure);
            }

            console.MarkupLine(failures.Count == 0
                ? $"[green]{expected.Count} key(s) match.[/]"
                : $"[red]{failures.Count} of {expected.Count + actual.Count(pair => !expectedKeys.Contains(pair.Key))} key(s) differ.[/]");
            return failures.Count == 0 ? ParityApp.Success : ParityApp.Mismatch;
        }
        finally
        {
            foreach (var tensor in expected.Select(pair => pair.Value).Concat(actual.Values))
            {
                tensor.Dispose();
            }
        }
    }

    private static string Shape(Tensor tensor) => Markup.Escape("[" + string.Join(", ", tensor.shape) + "]");

    /// <summary>NumPy's name of the dtype (TorchSharp calls uint8 Byte).</summary>
    private static string DTypeName(Tensor tensor) => tensor.dtype == ScalarType.Byte ? "uint8" : tensor.dtype.ToString().ToLowerInvariant();
}
