using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Parity.Checkpoints;
using static TorchSharp.torch;

namespace Parity.Tests.Checkpoints;

/// <summary>
/// A file Parity writes is read by real NumPy. Runs when Debian's /usr/bin/python3 with numpy is
/// present (the reading direction is covered by the fixtures NumPy wrote, see NpzReadingTests).
/// </summary>
public class NumPyInteropTests
{
    private const string Python = "/usr/bin/python3";

    private const string Reader = """
        import json, sys
        import numpy as np
        with np.load(sys.argv[1], allow_pickle=False) as data:
            print(json.dumps({k: {"dtype": data[k].dtype.str, "shape": list(data[k].shape),
                                  "c_order": bool(data[k].flags.c_contiguous), "values": data[k].ravel().tolist()}
                              for k in data.files}))
        """;

    private static JsonElement ReadWithNumPy(string npz)
    {
        if (!File.Exists(Python))
        {
            Assert.Ignore($"{Python} is not installed; install python3-numpy to run the NumPy interop check.");
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Reader);
        start.ArgumentList.Add(npz);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && errors.Contains("No module named 'numpy'", StringComparison.Ordinal))
        {
            Assert.Ignore($"{Python} has no numpy; install python3-numpy to run the NumPy interop check.");
        }

        Assert.That(process.ExitCode, Is.Zero, "numpy could not read the file Parity wrote: " + errors);
        return JsonDocument.Parse(output).RootElement;
    }

    [TestCase(false)]
    [TestCase(true)]
    public void NumPyReadsWhatParityWrites(bool compress)
    {
        var path = NpzFiles.TempPath();
        using var kernel = tensor(new[] { 0.5f, -1.25f, 3e-8f, 7f, 8f, 9f }, [2, 3]);
        using var transposed = kernel.transpose(0, 1);
        using var bias = tensor(new[] { Math.PI, -0.0 }, [2]);
        using var counts = tensor(new[] { -3, 4 }, [2, 1]);
        using var step = tensor(new[] { (1L << 40) + 7 }, []);
        using var empty = zeros(0, 4);
        try
        {
            NpzCheckpoint.WriteTensors(
                path,
                [new("dense/kernel", kernel), new("kernel_t", transposed), new("dense/bias", bias), new("counts", counts), new("step", step), new("empty", empty)],
                compress);

            var arrays = ReadWithNumPy(path);

            AssertArray(arrays, "dense/kernel", "<f4", [2, 3], [0.5, -1.25, (double)3e-8f, 7, 8, 9]);
            AssertArray(arrays, "kernel_t", "<f4", [3, 2], [0.5, 7, -1.25, 8, (double)3e-8f, 9]);
            AssertArray(arrays, "dense/bias", "<f8", [2], [Math.PI, -0.0]);
            AssertArray(arrays, "counts", "<i4", [2, 1], [-3, 4]);
            AssertArray(arrays, "step", "<i8", [], [(1L << 40) + 7]);
            AssertArray(arrays, "empty", "<f4", [0, 4], []);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertArray(JsonElement arrays, string key, string dtype, long[] shape, double[] values)
    {
        var array = arrays.GetProperty(key);
        Assert.That(array.GetProperty("dtype").GetString(), Is.EqualTo(dtype), key);
        Assert.That(array.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()), Is.EqualTo(shape), key);
        Assert.That(array.GetProperty("c_order").GetBoolean(), Is.True, key);
        Assert.That(array.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()), Is.EqualTo(values), key);
    }
}
