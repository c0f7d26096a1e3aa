using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Parity.Checkpoints;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.Fixtures;

/// <summary>
/// Runs a NumPy reference script of Fixtures/ on the C# network's variables and images and reads back
/// what it computed, in its order. Ignores the test, saying what to install, when Python or NumPy is missing.
/// </summary>
internal static class NumPyReference
{
    private const string Python = "/usr/bin/python3";

    /// <summary>The script's outputs: endpoints by slim's name, then in training <c>moving:</c> statistics.</summary>
    public static IReadOnlyList<KeyValuePair<string, Tensor>> Run(string script, string model, IEnumerable<Variable> variables, Tensor images, bool training)
    {
        if (!File.Exists(Python))
        {
            Assert.Ignore($"{Python} is not installed; install python3-numpy to run the NumPy reference.");
        }

        var directory = Directory.CreateTempSubdirectory("parity-reference-");
        try
        {
            var variablesPath = Path.Combine(directory.FullName, "variables.npz");
            var inputsPath = Path.Combine(directory.FullName, "inputs.npz");
            var outputsPath = Path.Combine(directory.FullName, "outputs.npz");
            NpzCheckpoint.Save(variablesPath, variables);
            NpzCheckpoint.WriteTensors(inputsPath, [new("images", images)]);

            var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", script), model, variablesPath, inputsPath, outputsPath })
            {
                start.ArgumentList.Add(argument);
            }

            if (training)
            {
                start.ArgumentList.Add("--training");
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 && errors.Result.Contains("No module named 'numpy'", StringComparison.Ordinal))
            {
                Assert.Ignore($"{Python} has no numpy; install python3-numpy to run the NumPy reference.");
            }

            Assert.That(process.ExitCode, Is.Zero, $"the NumPy reference {script} failed: {errors.Result}");
            return NpzCheckpoint.ReadTensorsInOrder(outputsPath);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
