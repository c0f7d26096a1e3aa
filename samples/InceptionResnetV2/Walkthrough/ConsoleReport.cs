using System;
using System.Globalization;
using Parity.Testing;
using Spectre.Console;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>The walkthrough's console: a spinner per step, a line per result, a summary table, and the endpoint table of any failed step.</summary>
public static class ConsoleReport
{
    private const int DetailLines = 12;

    /// <summary>Runs <paramref name="body"/> behind a spinner and prints its verdict line.</summary>
    /// <param name="name">The step.</param>
    /// <param name="body">The step's work.</param>
    /// <returns>What the body returned.</returns>
    public static StepOutcome Show(string name, Func<StepOutcome> body)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start(Markup.Escape(name) + " ...", _ => body());
        var mark = outcome.Passed ? "[green]PASS[/]" : "[red]FAIL[/]";
        AnsiConsole.MarkupLine($"{mark} {Markup.Escape(name)} [grey]({clock.Elapsed.TotalSeconds:F1} s)[/]");
        var lines = outcome.Detail.Split('\n');
        var shown = lines.Length > DetailLines ? [.. lines[..DetailLines], $"... {lines.Length - DetailLines} more lines"] : lines;
        foreach (var line in shown)
        {
            AnsiConsole.MarkupLine($"     [grey]{Markup.Escape(line.TrimEnd())}[/]");
        }

        return outcome;
    }

    /// <summary>Prints the summary, and for each failed step its endpoint table.</summary>
    /// <param name="report">The report.</param>
    public static void Summary(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded).Title($"{report.Model}: {report.VariableCount} variables, {report.TrainableCount} trainable");
        table.AddColumns("step", "result", "max abs diff", "max rel diff", "seconds");
        foreach (var step in report.Steps)
        {
            table.AddRow(
                Markup.Escape(step.Name),
                step.Passed ? "[green]pass[/]" : "[red]FAIL[/]",
                Number(step.MaxAbsDiff),
                Number(step.MaxRelDiff),
                step.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (report.Constant is { } constant)
        {
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step 3 numbers: regularization loss {constant.RegularizationLoss:G9}, first logits {string.Join(", ", constant.LogitsFirst5)}"));
        }

        if (report.BlindSpotSize is { } size)
        {
            AnsiConsole.WriteLine($"step 3 blind spots at {size}x{size} (each variable in turn scaled by 1.01; is any endpoint off by more than the step's tolerance?):");
            AnsiConsole.WriteLine($"  constant 0.001:  {report.ConstantBlindSpots}");
            AnsiConsole.WriteLine($"  distinct values: {report.DistinctBlindSpots}");
        }
        else
        {
            AnsiConsole.WriteLine("step 3 blind spots: not measured; --blind-spots perturbs every variable in turn with both fillings (two forward passes per variable; about 3 minutes for Inception-ResNet-v2 here).");
        }

        if (report.ForwardMsShim is { } shim && report.ForwardMsNative is { } native)
        {
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one inference forward: shim {shim:F0} ms, native {native:F0} ms"));
        }

        foreach (var step in report.Steps)
        {
            if (!step.Passed && step.Endpoints is EndpointReport endpoints)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(step.Name)}[/]: endpoint by endpoint");
                AnsiConsole.WriteLine(endpoints.Table);
            }
        }

        AnsiConsole.MarkupLine(report.Passed ? "[green]All steps passed.[/]" : "[red]Some steps failed; see above.[/]");
    }

    private static string Number(double? value) =>
        value is { } v ? v.ToString("G3", CultureInfo.InvariantCulture) : "-";
}
