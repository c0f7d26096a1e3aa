using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Parity.Checkpoints.TensorBundle;
using Parity.Mapping;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Checkpoints;

/// <summary>
/// A name-based TF checkpoint (tensor bundle V2, what TF1's <c>tf.train.Saver</c> writes):
/// <c>PREFIX.index</c>, a sorted table describing every tensor, and the data files
/// <c>PREFIX.data-NNNNN-of-NNNNN</c> holding their bytes. Opening reads and checks only the index;
/// tensors are read on demand, each checked against TF's stored CRC-32C.
/// </summary>
/// <remarks>
/// Every claim the files make is checked against the bytes actually present before anything is
/// allocated by it; a damaged or hostile file raises <see cref="CheckpointFormatException"/> naming
/// the file and the entry. Readable dtypes: float16, bfloat16, float32, float64, int8, int16, int32,
/// int64, uint8 and bool. Strings and other kinds, and partitioned (sliced) variables, are listed
/// but refused when read, with a message that says so.
/// </remarks>
public sealed class TfCheckpoint
{
    private const string IndexSuffix = ".index";

    /// <summary>TF's tensor bundle version this reader implements; a bundle that needs a newer reader says so.</summary>
    private const int SupportedVersion = 1;

    /// <summary>The TF1 optimizers' slot suffixes: <c>v/Adam</c> and <c>v/Adam_1</c> are Adam's two accumulators for <c>v</c>.</summary>
    private static readonly string[] SlotSuffixes =
        ["/Adam", "/Adam_1", "/Momentum", "/RMSProp", "/RMSProp_1", "/Adagrad", "/Adadelta", "/Adadelta_1", "/Ftrl", "/Ftrl_1"];

    private static readonly string[] OptimizerCounters = ["beta1_power", "beta2_power", "global_step"];

    private readonly Dictionary<string, TfCheckpointEntry> byName;

    private TfCheckpoint(string prefix, int shardCount, IReadOnlyList<TfCheckpointEntry> entries)
    {
        Prefix = prefix;
        ShardCount = shardCount;
        Entries = entries;
        byName = entries.ToDictionary(entry => entry.Name, StringComparer.Ordinal);
    }

    /// <summary>The checkpoint prefix (the path without <c>.index</c>).</summary>
    public string Prefix { get; }

    /// <summary>How many data files the checkpoint has.</summary>
    public int ShardCount { get; }

    /// <summary>Every tensor, sorted by name as TF stores them; slices of partitioned variables appear once, under the variable.</summary>
    public IReadOnlyList<TfCheckpointEntry> Entries { get; }

    /// <summary>
    /// Selects the model's own variables: everything except TF1 optimizer state (slots named
    /// <c>.../Adam</c>, <c>.../Adam_1</c>, <c>.../Momentum</c>, <c>.../RMSProp</c>, ... and the counters
    /// <c>beta1_power</c>, <c>beta2_power</c>, <c>global_step</c>). Pass it as <c>include</c> to load a
    /// training checkpoint into an inference model.
    /// </summary>
    /// <param name="name">A TF variable name.</param>
    /// <returns>Whether the name is a model variable rather than optimizer state.</returns>
    public static bool IsModelVariable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var leaf = name[(name.LastIndexOf('/') + 1)..];
        return !SlotSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal)) && !OptimizerCounters.Contains(leaf);
    }

    /// <summary>
    /// Opens a checkpoint and reads its index. <paramref name="path"/> is a prefix (<c>dir/model.ckpt</c>),
    /// the <c>.index</c> file itself, or a directory whose <c>checkpoint</c> state file names the latest prefix.
    /// </summary>
    /// <param name="path">Prefix, index file or directory.</param>
    /// <returns>The checkpoint, with its entries listed.</returns>
    /// <exception cref="FileNotFoundException">There is no index file at the prefix, or the directory has no state file.</exception>
    /// <exception cref="CheckpointFormatException">The index is damaged, truncated, or not a tensor bundle.</exception>
    public static TfCheckpoint Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var prefix = Directory.Exists(path) ? LatestPrefix(path)
            : path.EndsWith(IndexSuffix, StringComparison.Ordinal) ? path[..^IndexSuffix.Length]
            : path;
        var indexPath = prefix + IndexSuffix;
        if (!File.Exists(indexPath))
        {
            throw new FileNotFoundException(
                $"No TF checkpoint at '{prefix}': {indexPath} does not exist. Pass the prefix TF saved to (e.g. dir/model.ckpt, without .index or .data-...), or the directory holding a 'checkpoint' state file.",
                indexPath);
        }

        var length = new FileInfo(indexPath).Length;
        if (length > Array.MaxLength)
        {
            throw new CheckpointFormatException($"{indexPath}: an index of {length} bytes is larger than Parity reads; it is not a TF checkpoint index.");
        }

        var table = TableReader.ReadAll(File.ReadAllBytes(indexPath), indexPath);
        if (table.Count == 0 || table[0].Key.Length != 0)
        {
            throw new CheckpointFormatException($"{indexPath}: the index has no bundle header (the entry under the empty key); it is not a TF tensor bundle.");
        }

        var shards = Header(table[0].Value, indexPath);
        var entries = new List<TfCheckpointEntry>(table.Count - 1);
        foreach (var (key, value) in table.Skip(1))
        {
            // Keys of individual slices start with a zero byte (TF's ordered-code encoding); their
            // variable has its own entry, which lists them.
            if (key[0] == 0)
            {
                continue;
            }

            entries.Add(Entry(Name(key, indexPath), value, shards, indexPath));
        }

        return new TfCheckpoint(prefix, shards, entries);
    }

    /// <summary>
    /// The latest checkpoint prefix in a directory, from the <c>checkpoint</c> state file TF's saver keeps
    /// there (its <c>model_checkpoint_path</c> line; a relative path is relative to the directory).
    /// </summary>
    /// <param name="directory">The directory TF saved into.</param>
    /// <returns>The prefix of the latest checkpoint.</returns>
    /// <exception cref="FileNotFoundException">The directory has no <c>checkpoint</c> file.</exception>
    /// <exception cref="CheckpointFormatException">The state file names no checkpoint.</exception>
    public static string LatestPrefix(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var statePath = Path.Combine(directory, "checkpoint");
        if (!File.Exists(statePath))
        {
            // The prefixes actually there make a better example than a made-up one.
            var prefixes = Directory.Exists(directory)
                ? Directory.EnumerateFiles(directory, "*.index").Select(index => index[..^".index".Length]).Order(StringComparer.Ordinal).Take(3).ToArray()
                : [];
            var example = prefixes.Length > 0 ? string.Join(" or ", prefixes) : $"e.g. {Path.Combine(directory, "model.ckpt")}";
            throw new FileNotFoundException(
                $"{directory} has no 'checkpoint' state file naming the latest checkpoint; pass a checkpoint prefix instead ({example}).",
                statePath);
        }

        const string Field = "model_checkpoint_path:";
        foreach (var line in File.ReadLines(statePath))
        {
            var text = line.Trim();
            if (text.StartsWith(Field, StringComparison.Ordinal))
            {
                var latest = Unquote(text[Field.Length..].Trim(), statePath);
                return Path.IsPathRooted(latest) ? latest : Path.Combine(directory, latest);
            }
        }

        throw new CheckpointFormatException($"{statePath}: the state file has no model_checkpoint_path line, so it names no checkpoint.");
    }

    /// <summary>Whether the checkpoint holds a tensor of that name.</summary>
    /// <param name="name">The TF variable name.</param>
    /// <returns>True if an entry has the name.</returns>
    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>The index entry of one tensor.</summary>
    /// <param name="name">The TF variable name.</param>
    /// <returns>Its dtype, shape and location.</returns>
    /// <exception cref="KeyNotFoundException">The checkpoint has no such tensor.</exception>
    public TfCheckpointEntry Entry(string name) =>
        byName.TryGetValue(name, out var entry) ? entry
            : throw new KeyNotFoundException($"Checkpoint {Prefix} has no tensor named '{name}' ({Entries.Count} tensors; list them with Entries or 'parity checkpoint list').");

    /// <summary>Reads one tensor, checking its bytes against TF's stored CRC-32C.</summary>
    /// <param name="name">The TF variable name.</param>
    /// <returns>A new tensor with the stored dtype and shape; the caller owns it.</returns>
    /// <exception cref="KeyNotFoundException">The checkpoint has no such tensor.</exception>
    /// <exception cref="NotSupportedException">The tensor is a string or another unreadable kind, or a partitioned variable.</exception>
    /// <exception cref="CheckpointFormatException">A data file is missing, too short, or its bytes fail the checksum.</exception>
    public Tensor Read(string name)
    {
        var entry = Entry(name);
        var where = $"'{entry.Name}'";
        if (entry.IsPartitioned)
        {
            throw new NotSupportedException(
                $"Checkpoint {Prefix}: {where} is a partitioned variable saved as {entry.Slices.Count} slices ({string.Join("; ", entry.Slices)}). " +
                "Parity does not reassemble partitioned variables; restore it in TF and save it again without a partitioner.");
        }

        if (entry.TorchDType is not { } dtype)
        {
            throw new NotSupportedException(
                $"Checkpoint {Prefix}: {where} holds {entry.DType} values; Parity reads float16, bfloat16, float32, float64, int8, int16, int32, int64, uint8 and bool tensors. " +
                "Leave it out of the read (the include filter) or convert it in TF first.");
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Reading TF checkpoint data assumes a little-endian machine.");
        }

        var data = ReadBytes(entry);
        var tensor = torch.empty(entry.Shape.ToArray(), dtype);
        if (data.Length > 0)
        {
            tensor.bytes = data;
        }

        return tensor;
    }

    /// <summary>Reads many tensors by name, in the checkpoint's order.</summary>
    /// <param name="include">Which names to read (for example <see cref="IsModelVariable"/>); all when null.</param>
    /// <returns>Name → tensor; the caller owns (and should dispose) the tensors.</returns>
    /// <exception cref="NotSupportedException">An included tensor is a string or another unreadable kind, or partitioned.</exception>
    /// <exception cref="CheckpointFormatException">A data file is missing, too short, or fails its checksum.</exception>
    public IReadOnlyDictionary<string, Tensor> ReadTensors(Func<string, bool>? include = null)
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in Entries.Where(entry => include?.Invoke(entry.Name) ?? true))
            {
                tensors.Add(entry.Name, Read(entry.Name));
            }

            return tensors;
        }
        catch
        {
            Dispose(tensors);
            throw;
        }
    }

    /// <summary>
    /// Loads into a module by name: a Parity module's variables by their TF names, any other TorchSharp
    /// module's parameters and buffers by their <c>state_dict()</c> keys (through <paramref name="nameMap"/>).
    /// Strict unless <paramref name="allowPartial"/>: a missing, unexpected or mismatched name fails the
    /// load before any value changes, and the report lists the names on both sides.
    /// </summary>
    /// <param name="module">The module; a Parity module must have been called once, so its variables exist.</param>
    /// <param name="nameMap">Optional map from a variable name or state key to its TF name in the checkpoint.</param>
    /// <param name="allowPartial">Assign what matches and report the rest instead of failing.</param>
    /// <param name="include">Which checkpoint tensors take part (for example <see cref="IsModelVariable"/>); all when null.</param>
    /// <returns>What was loaded, missing, unexpected or mismatched.</returns>
    /// <exception cref="CheckpointMismatchException">Names, shapes or dtypes do not line up and <paramref name="allowPartial"/> is false.</exception>
    public CheckpointLoadReport Load(nn.Module module, Func<string, string>? nameMap = null, bool allowPartial = false, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        BuiltCheck.Require(module, "TfCheckpoint.Load");
        var targets = NpzCheckpoint.Targets(module);
        return WithTensors(include, tensors => NamedLoad.Apply(Prefix, tensors, targets, nameMap, allowPartial));
    }

    /// <summary>
    /// Loads into a TorchSharp module through its weight map, converting TF layouts (HWIO kernels,
    /// dense kernels) to TorchSharp's. Strict unless <paramref name="allowPartial"/>, as
    /// <see cref="WeightMap.Load(IReadOnlyDictionary{string, Tensor}, string, bool)"/>.
    /// </summary>
    /// <param name="map">The module's weight map.</param>
    /// <param name="allowPartial">Copy what matches and report the rest instead of failing.</param>
    /// <param name="include">Which checkpoint tensors take part (for example <see cref="IsModelVariable"/>); all when null.</param>
    /// <returns>What was loaded, missing, unexpected or mismatched.</returns>
    /// <exception cref="CheckpointMismatchException">Names, shapes or dtypes do not line up and <paramref name="allowPartial"/> is false.</exception>
    public CheckpointLoadReport Load(WeightMap map, bool allowPartial = false, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        return WithTensors(include, tensors => map.Load(tensors, Prefix, allowPartial));
    }

    /// <summary>The path of one data file: <c>PREFIX.data-00000-of-00001</c>.</summary>
    /// <param name="shardId">The data file's index.</param>
    /// <returns>Its path.</returns>
    public string ShardPath(int shardId) => $"{Prefix}.data-{shardId:D5}-of-{ShardCount:D5}";

    private CheckpointLoadReport WithTensors(Func<string, bool>? include, Func<IReadOnlyDictionary<string, Tensor>, CheckpointLoadReport> load)
    {
        var tensors = ReadTensors(include);
        try
        {
            return load(tensors);
        }
        finally
        {
            Dispose(tensors);
        }
    }

    private byte[] ReadBytes(TfCheckpointEntry entry)
    {
        var shard = ShardPath(entry.ShardId);
        var where = $"{shard} ['{entry.Name}']";
        if (!File.Exists(shard))
        {
            throw new CheckpointFormatException(
                $"{where}: the data file is missing; a checkpoint needs its .index and all {ShardCount} .data file(s) with the same prefix.");
        }

        using var file = new FileStream(shard, FileMode.Open, FileAccess.Read);
        if (entry.Offset > file.Length || entry.Size > file.Length - entry.Offset)
        {
            throw new CheckpointFormatException(
                $"{where}: the index places the tensor at bytes [{entry.Offset}, {entry.Offset + entry.Size}) but the data file has {file.Length} bytes (truncated data file or corrupt index).");
        }

        if (entry.Size > Array.MaxLength)
        {
            throw new CheckpointFormatException($"{where}: tensors over {Array.MaxLength} bytes ({entry.Size} stored) cannot be read in one piece.");
        }

        var data = new byte[entry.Size];
        file.Position = entry.Offset;
        file.ReadExactly(data);
        var actual = Crc32C.Mask(Crc32C.Compute(data));
        if (actual != entry.Crc32C)
        {
            throw new CheckpointFormatException(
                $"{where}: the bytes fail TF's checksum (stored masked CRC-32C 0x{entry.Crc32C:x8}, computed 0x{actual:x8}); the data file is corrupt or does not belong to this index.");
        }

        return data;
    }

    private static int Header(byte[] value, string indexPath)
    {
        var where = $"{indexPath} [bundle header]";
        var (shards, endianness, minConsumer) = BundleProtos.Header(value, where);
        if (shards < 1)
        {
            throw new CheckpointFormatException($"{where}: the header declares {shards} data files; a checkpoint has at least one. The index is corrupt.");
        }

        if (endianness != 0)
        {
            throw new CheckpointFormatException($"{where}: the checkpoint was written on a big-endian machine; Parity reads little-endian checkpoints only.");
        }

        if (minConsumer > SupportedVersion)
        {
            throw new CheckpointFormatException(
                $"{where}: the bundle needs a reader of version {minConsumer} or newer; Parity reads tensor bundle version {SupportedVersion} (what TF 1.x and 2.x write).");
        }

        return shards;
    }

    private static TfCheckpointEntry Entry(string name, byte[] value, int shards, string indexPath)
    {
        var where = $"{indexPath} ['{name}']";
        var stored = BundleProtos.Entry(value, where);
        if (stored.Shape.Any(dim => dim < 0))
        {
            throw new CheckpointFormatException($"{where}: the stored shape {ShapeFormat.Format(stored.Shape)} has a negative dimension; the entry is corrupt.");
        }

        long count = 1;
        try
        {
            foreach (var dim in stored.Shape)
            {
                count = checked(count * dim);
            }
        }
        catch (OverflowException)
        {
            throw new CheckpointFormatException($"{where}: the stored shape {ShapeFormat.Format(stored.Shape)} declares more elements than can exist; the entry is corrupt.");
        }

        var torchType = TfDataType.Torch(stored.DType);
        if (stored.Slices.Count == 0)
        {
            if (stored.ShardId < 0 || stored.ShardId >= shards)
            {
                throw new CheckpointFormatException($"{where}: the entry is in data file {stored.ShardId} but the header declares {shards}; the index is corrupt.");
            }

            if (stored.Offset < 0 || stored.Size < 0)
            {
                throw new CheckpointFormatException($"{where}: the entry declares offset {stored.Offset} and size {stored.Size}; neither may be negative. The index is corrupt.");
            }

            if (torchType is { } type && StoredBytes(count, type) != stored.Size)
            {
                throw new CheckpointFormatException(
                    $"{where}: the entry stores {stored.Size} bytes but {TfDataType.Name(stored.DType)} {ShapeFormat.Format(stored.Shape)} needs {count} elements of {TfDataType.ElementSize(type)} bytes; the index is corrupt.");
            }
        }

        return new TfCheckpointEntry(
            name, TfDataType.Name(stored.DType), torchType, stored.Shape, stored.ShardId, stored.Offset, stored.Size, stored.Crc32C, stored.Slices);
    }

    /// <summary>The bytes a tensor of <paramref name="count"/> elements takes, or -1 when no file could hold it.</summary>
    private static long StoredBytes(long count, ScalarType type) =>
        count > long.MaxValue / TfDataType.ElementSize(type) ? -1 : count * TfDataType.ElementSize(type);

    private static string Name(byte[] key, string indexPath)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(key);
        }
        catch (DecoderFallbackException e)
        {
            throw new CheckpointFormatException($"{indexPath}: a tensor name is not valid UTF-8; the index is corrupt.", e);
        }
    }

    /// <summary>A text-format string: double or single quotes, with C escapes for quotes and backslashes.</summary>
    private static string Unquote(string text, string statePath)
    {
        if (text.Length < 2 || text[0] is not ('"' or '\'') || text[^1] != text[0])
        {
            throw new CheckpointFormatException($"{statePath}: model_checkpoint_path is not a quoted string: {text}");
        }

        var result = new StringBuilder();
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length - 1 && text[i + 1] is '\\' or '"' or '\'')
            {
                i++;
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }

    private static void Dispose(IReadOnlyDictionary<string, Tensor> tensors)
    {
        foreach (var tensor in tensors.Values)
        {
            tensor.Dispose();
        }
    }
}
