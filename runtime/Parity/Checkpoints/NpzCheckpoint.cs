using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Checkpoints;

/// <summary>
/// Name-based checkpoints in NumPy's <c>.npz</c> format (a zip of <c>.npy</c> arrays, one per
/// variable, keyed by variable name), readable with <c>numpy.load</c> and writable with
/// <c>numpy.savez</c>. Supports float16, float32, float64, int8, int16, int32, int64, uint8 and bool
/// arrays in C order.
/// </summary>
/// <remarks>
/// Variables are saved and loaded under their TF names (<c>model/dense/kernel</c>); so is a Parity
/// module, whose <see cref="Module{TIn, TOut}.Variables"/> they are. Any other TorchSharp module is
/// saved and loaded under its <c>state_dict()</c> keys (<c>linear.weight</c>), which a name map can
/// turn into the TF names of a checkpoint written from the legacy side.
/// </remarks>
public static class NpzCheckpoint
{
    private const string ArraySuffix = ".npy";

    /// <summary>Saves the current value of each variable under its name (or the mapped name).</summary>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="variables">The variables to save.</param>
    /// <param name="nameMap">Optional map from a variable name to its key in the file.</param>
    /// <param name="compress">Whether to deflate the arrays (like <c>numpy.savez_compressed</c>).</param>
    /// <exception cref="ArgumentException">Two variables would get the same key, or a variable's dtype cannot be stored.</exception>
    public static void Save(string path, IEnumerable<Variable> variables, Func<string, string>? nameMap = null, bool compress = false)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var map = nameMap ?? (name => name);
        WriteTensors(path, variables.Select(v => new KeyValuePair<string, Tensor>(map(v.Name), v.Value)), compress);
    }

    /// <summary>
    /// Saves a module: a Parity module's variables under their names, any other TorchSharp module's
    /// parameters and buffers under their <c>state_dict()</c> keys (or the mapped names).
    /// </summary>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="module">The module; a Parity module must have been called once, so its variables exist.</param>
    /// <param name="nameMap">Optional map from a variable name or state key to its key in the file.</param>
    /// <param name="compress">Whether to deflate the arrays (like <c>numpy.savez_compressed</c>).</param>
    /// <exception cref="InvalidOperationException">A Parity module has not been called yet, so it has no variables.</exception>
    /// <exception cref="ArgumentException">Two entries would get the same key, or a dtype cannot be stored.</exception>
    public static void Save(string path, nn.Module module, Func<string, string>? nameMap = null, bool compress = false)
    {
        ArgumentNullException.ThrowIfNull(module);
        BuiltCheck.Require(module, "NpzCheckpoint.Save");
        var map = nameMap ?? (name => name);
        WriteTensors(path, Named(module).Select(pair => new KeyValuePair<string, Tensor>(map(pair.Name), pair.Value)), compress);
    }

    /// <summary>
    /// Loads the variables by name. Every array is read and checked first; unless
    /// <paramref name="allowPartial"/> is set, any missing, unexpected or mismatched name fails the
    /// load before a single variable changes.
    /// </summary>
    /// <param name="path">The <c>.npz</c> file.</param>
    /// <param name="variables">The variables to assign.</param>
    /// <param name="nameMap">Optional map from a variable name to its key in the file.</param>
    /// <param name="allowPartial">Assign what matches and report the rest instead of failing.</param>
    /// <returns>What was loaded, missing, unexpected or mismatched.</returns>
    /// <exception cref="CheckpointMismatchException">Names or shapes do not line up and <paramref name="allowPartial"/> is false.</exception>
    /// <exception cref="CheckpointFormatException">The file is not a readable <c>.npz</c> archive.</exception>
    public static CheckpointLoadReport Load(string path, IEnumerable<Variable> variables, Func<string, string>? nameMap = null, bool allowPartial = false)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return LoadInto(path, variables.Select(v => LoadTarget.Of(v.Name, v.Value, v.Assign)).ToArray(), nameMap, allowPartial);
    }

    /// <summary>
    /// Loads into a module by name: a Parity module's variables by their names, any other TorchSharp
    /// module's parameters and buffers by their <c>state_dict()</c> keys. Every array is read and
    /// checked first; unless <paramref name="allowPartial"/> is set, any missing, unexpected or
    /// mismatched name fails the load before a single value changes.
    /// </summary>
    /// <param name="path">The <c>.npz</c> file.</param>
    /// <param name="module">The module; a Parity module must have been called once, so its variables exist.</param>
    /// <param name="nameMap">Optional map from a variable name or state key to its key in the file.</param>
    /// <param name="allowPartial">Assign what matches and report the rest instead of failing.</param>
    /// <returns>What was loaded, missing, unexpected or mismatched.</returns>
    /// <exception cref="InvalidOperationException">A Parity module has not been called yet, so it has no variables to load into.</exception>
    /// <exception cref="CheckpointMismatchException">Names or shapes do not line up and <paramref name="allowPartial"/> is false.</exception>
    /// <exception cref="CheckpointFormatException">The file is not a readable <c>.npz</c> archive.</exception>
    public static CheckpointLoadReport Load(string path, nn.Module module, Func<string, string>? nameMap = null, bool allowPartial = false)
    {
        ArgumentNullException.ThrowIfNull(module);
        BuiltCheck.Require(module, "NpzCheckpoint.Load");
        return LoadInto(path, Targets(module), nameMap, allowPartial);
    }

    /// <summary>Writes named tensors as an <c>.npz</c> archive, one <c>key.npy</c> entry each.</summary>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="tensors">Key and tensor pairs; keys must be unique.</param>
    /// <param name="compress">Whether to deflate the arrays.</param>
    /// <exception cref="ArgumentException">A key repeats or is empty, or a tensor's dtype cannot be stored.</exception>
    public static void WriteTensors(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, bool compress = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var entries = tensors.ToArray();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, tensor) in entries)
        {
            ArgumentNullException.ThrowIfNull(tensor, nameof(tensors));
            if (string.IsNullOrEmpty(key) || !keys.Add(key))
            {
                throw new ArgumentException($"Checkpoint keys must be unique and non-empty; '{key}' is not.", nameof(tensors));
            }

            _ = NpyHeader.Descr(tensor.dtype);
        }

        // Write to a temporary file first so a failure never leaves a half-written checkpoint behind.
        var temporary = path + ".partial";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            using (var archive = new ZipArchive(file, ZipArchiveMode.Create))
            {
                var level = compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression;
                foreach (var (key, tensor) in entries)
                {
                    using var entry = archive.CreateEntry(key + ArraySuffix, level).Open();
                    NpyFormat.Write(entry, tensor);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Reads every array of an <c>.npz</c> archive, keyed by entry name without <c>.npy</c>.</summary>
    /// <param name="path">The <c>.npz</c> file.</param>
    /// <returns>Key → tensor; the caller owns (and should dispose) the tensors.</returns>
    /// <exception cref="CheckpointFormatException">The file is not a readable <c>.npz</c> archive of supported arrays.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IReadOnlyDictionary<string, Tensor> ReadTensors(string path) =>
        ReadTensorsInOrder(path).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    /// <summary>
    /// Reads every array of an <c>.npz</c> archive in the order the archive holds them, which is the order
    /// <c>np.savez</c> was given them (its keyword arguments, or a dictionary's insertion order).
    /// </summary>
    /// <param name="path">The <c>.npz</c> file.</param>
    /// <returns>Key (entry name without <c>.npy</c>) and tensor pairs; the caller owns (and should dispose) the tensors.</returns>
    /// <exception cref="CheckpointFormatException">The file is not a readable <c>.npz</c> archive of supported arrays, or it names an array twice.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IReadOnlyList<KeyValuePair<string, Tensor>> ReadTensorsInOrder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var result = new List<KeyValuePair<string, Tensor>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read);
            using var archive = OpenArchive(file, path);
            foreach (var entry in archive.Entries)
            {
                var where = $"{path} [{entry.FullName}]";
                if (!entry.FullName.EndsWith(ArraySuffix, StringComparison.Ordinal))
                {
                    throw new CheckpointFormatException($"{where}: an .npz archive holds only .npy entries.");
                }

                var key = entry.FullName[..^ArraySuffix.Length];
                if (!keys.Add(key))
                {
                    throw new CheckpointFormatException($"{where}: the archive holds two entries named '{entry.FullName}'.");
                }

                result.Add(new(key, ReadEntry(entry, file.Length, where)));
            }

            return result;
        }
        catch
        {
            foreach (var (_, tensor) in result)
            {
                tensor.Dispose();
            }

            throw;
        }
    }

    /// <summary>What a module is saved from and loaded into: its variables, or for a plain TorchSharp module its state.</summary>
    private static (string Name, Tensor Value, Action<Tensor> Assign)[] Named(nn.Module module)
    {
        if (module is IParityModule)
        {
            return VariableCollector.Collect(module, trainable: null).Select(v => (v.Name, v.Value, (Action<Tensor>)v.Assign)).ToArray();
        }

        return module.state_dict().Select(entry => (entry.Key, entry.Value, (Action<Tensor>)(value => CopyInto(entry.Value, value)))).ToArray();
    }

    /// <summary>The load targets of a module: a Parity module's variables, any other module's state.</summary>
    internal static LoadTarget[] Targets(nn.Module module) =>
        Named(module).Select(pair => LoadTarget.Of(pair.Name, pair.Value, pair.Assign)).ToArray();

    private static void CopyInto(Tensor destination, Tensor value)
    {
        using var noGrad = torch.no_grad();
        destination.copy_(value);
    }

    private static CheckpointLoadReport LoadInto(string path, IReadOnlyList<LoadTarget> targets, Func<string, string>? nameMap, bool allowPartial)
    {
        var arrays = ReadTensors(path);
        try
        {
            return NamedLoad.Apply(path, arrays, targets, nameMap, allowPartial);
        }
        finally
        {
            foreach (var tensor in arrays.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static ZipArchive OpenArchive(FileStream file, string path)
    {
        try
        {
            return new ZipArchive(file, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new CheckpointFormatException($"{path}: not a readable .npz (zip) archive: {e.Message}", e);
        }
    }

    private static Tensor ReadEntry(ZipArchiveEntry entry, long fileLength, string where)
    {
        // The zip directory's sizes are claims too: stored data cannot exceed the file, and deflate
        // cannot expand more than about 1032:1, so a larger claimed size is rejected as hostile.
        const long MaxDeflateRatio = 1032;
        if (entry.CompressedLength > fileLength || entry.Length > Math.Max(entry.CompressedLength, 1) * MaxDeflateRatio + 1024)
        {
            throw new CheckpointFormatException(
                $"{where}: the zip directory claims {entry.Length} bytes from {entry.CompressedLength} compressed bytes in a {fileLength}-byte file, which is impossible (corrupt or hostile file).");
        }

        try
        {
            using var stream = entry.Open();
            return NpyFormat.Read(stream, entry.Length, where);
        }
        catch (InvalidDataException e)
        {
            throw new CheckpointFormatException($"{where}: the compressed data is corrupt: {e.Message}", e);
        }
    }
}
