using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Parity;
using Parity.Benchmarks.Peers;
using Parity.Samples.InceptionResnetV2.Model;
using Parity.Samples.InceptionResnetV2.Native;
using Parity.Torch;

// The pre-migration build's side of benchmarks/old-vs-new: what Models/ModelWorker.cs does for the new build,
// written against the old API. `OldWorker Native|Shim Inference|TrainingStep [--calls 5] [--warmup 5] [--threads 2]`
// prints one JSON line: each timed call's wall time, process CPU time and minor page faults, resident memory
// before the model was built and the process's peak.
const long NumClasses = 1000;
const long Size = 299;
const long TrainSize = 139;
const double LearningRate = 0.01;

if (args.Length < 2 || args[0] is not ("Native" or "Shim") || args[1] is not ("Inference" or "TrainingStep"))
{
    Console.Error.WriteLine("usage: OldWorker Native|Shim Inference|TrainingStep [--calls N] [--warmup N] [--threads N]");
    return 2;
}

var calls = Option("--calls", 5);
var warmUp = Math.Max(1, Option("--warmup", 5));
var threads = Option("--threads", 2);
var training = args[1] == "TrainingStep";

// The old runtime reaches every OS thread with this, including ones that already ran ops.
Torch.SetNumThreads(threads);
var residentBefore = ProcessCounters.ResidentKib();
Module<Tensor, InceptionOutput> model = args[0] == "Native" ? new NativeInceptionResnetV2(NumClasses) : new ShimInceptionResnetV2(NumClasses);
var size = training ? TrainSize : Size;
var image = Tensor.Ones([1, size, size, 3]);

// The first call builds the variables; the SGD step then updates the same list every call (the new build's
// optim.SGD holds its parameter list the same way).
IReadOnlyList<Variable> trainable = [];
if (training)
{
    using (var first = Torch.NewDisposeScope())
    {
        model.Call(image, training: true);
    }

    trainable = model.TrainableVariables;
}

for (var i = 0; i < warmUp; i++)
{
    Step();
}

var wall = new List<long>(calls);
var cpu = new List<long>(calls);
var faults = new List<long>(calls);
for (var i = 0; i < calls; i++)
{
    var faultStart = ProcessCounters.MinorFaults();
    var cpuStart = ProcessCounters.CpuNanoseconds();
    var clock = Stopwatch.StartNew();
    Step();
    var elapsed = clock.Elapsed;
    cpu.Add(ProcessCounters.CpuNanoseconds() - cpuStart);
    wall.Add((long)elapsed.TotalNanoseconds);
    faults.Add(ProcessCounters.MinorFaults() - faultStart);
}

Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
{
    ["side"] = "old " + args[0],
    ["engine"] = "Parity.Torch (012890d) over Debian libtorch 1.13.1",
    ["workload"] = args[1],
    ["threads"] = Torch.GetNumThreads(),
    ["wall_ns"] = wall,
    ["cpu_ns"] = cpu,
    ["minflt"] = faults,
    ["rss_before_kib"] = residentBefore,
    ["peak_rss_kib"] = ProcessCounters.PeakResidentKib(),
}));
return 0;

// Inference under NoGrad, or forward in training mode, backward of the sum of both heads' logits, a plain SGD
// step (param -= lr * grad: what optim.SGD without momentum does) and the gradients zeroed.
void Step()
{
    if (!training)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        model.Call(image, training: false);
        return;
    }

    using (var scope = Torch.NewDisposeScope())
    {
        var output = model.Call(image, training: true);
        (output.Logits.Sum() + output.AuxLogits!.Sum()).Backward();
        using var noGrad = Torch.NoGrad();
        foreach (var variable in trainable)
        {
            if (variable.Value.Grad is { } grad)
            {
                variable.Value.SubInPlace(grad, LearningRate);
                variable.Value.ZeroGrad();
            }
        }
    }
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
