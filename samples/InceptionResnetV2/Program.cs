using System;
using Parity;
using Parity.Samples.InceptionResnetV2.Walkthrough;
using TorchSharp;
using static TorchSharp.torch;
using Spectre.Console;

// The main job: Inception-ResNet-v2 (or a TF-Slim net named with --model) through the four-step validation method. Exit code 0 when every
// step passed, 1 when one failed, 2 for bad arguments.
WalkthroughOptions options;
try
{
    options = WalkthroughOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

// libtorch warns "Could not initialize NNPACK!" on every convolution on CPUs NNPACK does not support:
// over a thousand harmless lines that would bury the walkthrough's own output.
LibTorchLog.MinimumLevel = LibTorchLogLevel.Error;

// Every core by default: the walkthrough is the only thing a newcomer runs.
torch.set_num_threads(options.Threads > 0 ? options.Threads : Environment.ProcessorCount);

var model = WalkthroughModel.Find(options.Model);
AnsiConsole.MarkupLine($"[bold]{model.Title}[/]: legacy graph vs shim module{(model.HasNativePort ? " vs native port" : "")}, {options.Size}x{options.Size} input, libtorch threads: {torch.get_num_threads()}");
var report = new Validation(options, ConsoleReport.Show).Run();
ConsoleReport.Summary(report);
if (options.JsonPath is { } path)
{
    JsonReport.Write(report, path);
    AnsiConsole.MarkupLine($"report written to {Markup.Escape(path)}");
}

return report.Passed ? 0 : 1;
