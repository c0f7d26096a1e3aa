using System;
using System.IO;
using System.Linq;
using Parity.Checkpoints;
using Parity.Samples.MnistMlp;
using TorchSharp;
using static TorchSharp.torch;

// Loads the checkpoint TF1 wrote for the MNIST MLP into its TorchSharp port, by name, and classifies a
// few deterministic inputs. Argument: the checkpoint prefix or directory (default: the shared fixture).
var path = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "fixtures", "tf1-checkpoints", "mnist-mlp-adam", "fc2.ckpt");
var checkpoint = TfCheckpoint.Open(path);
Console.WriteLine($"{checkpoint.Prefix}: {checkpoint.Entries.Count} tensors");

using var model = new MnistMlp();
// The checkpoint also holds Adam's slots and counters; the model takes only its own six variables.
var report = checkpoint.Load(model.TfWeightMap(), include: TfCheckpoint.IsModelVariable);
Console.WriteLine(report.Report);

using var generator = new Generator(0);
using var images = rand([4, 784], generator: generator);
using var logits = model.call(images);
using var probabilities = nn.functional.softmax(logits, 1);
using var predicted = logits.argmax(1);
using var best = probabilities.amax([1]);
var classes = predicted.data<long>().ToArray();
var confidence = best.data<float>().ToArray();
for (var i = 0; i < classes.Length; i++)
{
    Console.WriteLine($"input {i}: class {classes[i]} (softmax {confidence[i]:F4})");
}
