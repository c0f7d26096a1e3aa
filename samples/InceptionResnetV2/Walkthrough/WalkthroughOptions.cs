using System;
using System.Globalization;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>Command-line options of the walkthrough.</summary>
/// <param name="Size">Image size of every forward-pass step (the model's own by default: the guide's 299 for Inception-ResNet-v2, 224 for the others).</param>
/// <param name="TrainSize">Image size of the gradient step; any size from 107 (the smallest whose 17×17 stage still fits the aux head's 5×5 pool) reaches every block.</param>
/// <param name="JsonPath">Where to write the JSON report, or null.</param>
/// <param name="Threads">libtorch intra-op threads; 0 for one per core.</param>
/// <param name="Perturb">A shim variable doubled in both step 3 fillings, to see what a failure looks like; null for none.</param>
/// <param name="BlindSpotSize">Image size of the blind-spot report of step 3's two fillings (one shim forward per variable and filling); 0 to skip it.</param>
/// <param name="Model">The model's <c>--model</c> name (<see cref="WalkthroughModel.All"/>).</param>
public sealed record WalkthroughOptions(long Size, long TrainSize, string? JsonPath, int Threads, string? Perturb = null, long BlindSpotSize = 0, string Model = "inception_resnet_v2")
{
    /// <summary>The usage line.</summary>
    public const string Usage = "usage: ./build.sh demo [--model inception_resnet_v2|mobilenet_v1|resnet_v1_50] [--json PATH] [--size 299] [--train-size 139] [--threads N] [--perturb VARIABLE] [--blind-spots [SIZE]]";

    /// <summary>Parses the arguments.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static WalkthroughOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new WalkthroughOptions(0, 0, null, 0);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--model" => options with { Model = WalkthroughModel.Find(Value()).Name },
                "--json" => options with { JsonPath = Value() },
                "--size" => options with { Size = Number(Value(), "--size", 107) },
                "--train-size" => options with { TrainSize = Number(Value(), "--train-size", 107) },
                "--threads" => options with { Threads = (int)Number(Value(), "--threads", 1) },
                "--perturb" => options with { Perturb = Value() },
                "--blind-spots" => options with { BlindSpotSize = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? Number(Value(), "--blind-spots", 107) : 107 },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. {Usage}"),
            };
        }

        // Sizes not given are the model's own (Inception-ResNet-v2: the guide's 299 and 139).
        var model = WalkthroughModel.Find(options.Model);
        return options with
        {
            Size = options.Size > 0 ? options.Size : model.Size,
            TrainSize = options.TrainSize > 0 ? options.TrainSize : model.TrainSize,
        };
    }

    private static long Number(string text, string option, long minimum) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"{option} must be an integer of at least {minimum}, got '{text}'. {Usage}");
}
