using System;
using System.Collections.Generic;
using System.Linq;

namespace Parity.Slim;

/// <summary>Which keyword arguments each slim function takes, so a misplaced one fails with a message instead of being ignored.</summary>
internal static class SlimArguments
{
    private static readonly string[] ConvArgs =
    [
        "stride", "padding", "data_format", "rate", "activation_fn", "normalizer_fn", "normalizer_params",
        "weights_initializer", "weights_regularizer", "biases_initializer", "biases_regularizer", "trainable",
    ];

    private static readonly Dictionary<SlimOp, HashSet<string>> Accepted = new()
    {
        [SlimOp.Conv2d] = [.. ConvArgs],
        [SlimOp.SeparableConv2d] = [.. ConvArgs, "depth_multiplier", "pointwise_initializer"],
        [SlimOp.Conv2dTranspose] = [.. ConvArgs.Where(a => a != "rate")],
        [SlimOp.FullyConnected] = ["activation_fn", "normalizer_fn", "normalizer_params", "weights_initializer", "weights_regularizer", "biases_initializer", "biases_regularizer", "trainable"],
        [SlimOp.BatchNorm] = ["decay", "center", "scale", "epsilon", "activation_fn", "is_training", "trainable", "data_format"],
        [SlimOp.MaxPool2d] = ["stride", "padding", "data_format"],
        [SlimOp.AvgPool2d] = ["stride", "padding", "data_format"],
        [SlimOp.Dropout] = ["keep_prob", "is_training"],
    };

    /// <summary>Throws when <paramref name="args"/> sets an argument <paramref name="op"/> does not take.</summary>
    public static void Check(SlimOp op, SlimArgs args, string where)
    {
        if (!Accepted.TryGetValue(op, out var accepted))
        {
            throw new ArgumentOutOfRangeException(nameof(op), op, "Not a slim function an arg scope can set defaults for.");
        }

        var unknown = args.SetNames().Where(name => !accepted.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"{where} sets {string.Join(", ", unknown)} for {op}, which takes no such argument (it takes {string.Join(", ", accepted)}). Move the argument to an arg scope of the functions that take it.",
                nameof(args));
        }
    }
}
