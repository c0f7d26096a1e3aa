using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.TorchSharp;

/// <summary>What TorchSharp's <c>RegisterComponents()</c> treats as a component of a custom module.</summary>
internal static class TorchSharpComponents
{
    /// <summary>
    /// True for a class deriving from <c>torch.nn.Module</c> (not the TorchSharp base itself) that
    /// registers its components the TorchSharp way; Parity modules register theirs at the first call.
    /// </summary>
    public static bool IsCustomModule(INamedTypeSymbol type, KnownSymbols symbols)
        => type.TypeKind == TypeKind.Class && symbols.IsTorchModule(type.BaseType) && !symbols.RegistersOwnComponents(type);

    /// <summary>True for a submodule or a parameter: what must be registered for training to see it.</summary>
    public static bool IsModuleOrParameter(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchModule(type) || symbols.IsTorchParameter(type);

    /// <summary>True for anything <c>RegisterComponents()</c> registers from a field: submodules, parameters and tensors (buffers).</summary>
    public static bool IsComponent(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchModule(type) || symbols.IsTorchTensor(type);

    /// <summary>"submodule" or "parameter", for messages.</summary>
    public static string Kind(ITypeSymbol type, KnownSymbols symbols)
        => symbols.IsTorchParameter(type) ? "parameter" : "submodule";

    /// <summary>
    /// True for a TorchSharp layer with no parameters, no buffers and no train/eval behaviour (activations,
    /// pooling, padding, reshaping, <c>Identity</c>): making one per call changes no number, and leaving it
    /// unregistered loses nothing.
    /// </summary>
    public static bool IsStateless(ITypeSymbol? type)
        => IsTorchSharpLayer(type) && StatelessLayers.Contains(type!.Name);

    /// <summary>
    /// True for a TorchSharp layer that behaves differently in training and evaluation (dropout, batch and
    /// instance norm): one made per call, or never registered, stays in training mode whatever
    /// <c>eval()</c> says.
    /// </summary>
    public static bool HasTrainingMode(ITypeSymbol? type)
        => IsTorchSharpLayer(type) && (type!.Name.Contains("Dropout") || type.Name.StartsWith("BatchNorm", System.StringComparison.Ordinal) || type.Name.StartsWith("InstanceNorm", System.StringComparison.Ordinal));

    // TorchSharp's layers live in TorchSharp.Modules.
    private static bool IsTorchSharpLayer(ITypeSymbol? type)
        => type is { ContainingNamespace: { Name: "Modules", ContainingNamespace: { Name: "TorchSharp", ContainingNamespace.IsGlobalNamespace: true } } };

    private static readonly ImmutableHashSet<string> StatelessLayers = ImmutableHashSet.Create(
        "Identity", "Flatten", "Unflatten",
        "ReLU", "ReLU6", "RReLU", "LeakyReLU", "ELU", "SELU", "CELU", "GELU", "SiLU", "Mish", "GLU",
        "Sigmoid", "LogSigmoid", "Tanh", "Tanhshrink", "Softmax", "Softmin", "LogSoftmax", "Softmax2d",
        "Softplus", "Softsign", "Softshrink", "Hardshrink", "Hardtanh", "Hardswish", "Hardsigmoid", "Threshold",
        "MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d",
        "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "AdaptiveMaxPool3d",
        "Upsample", "PixelShuffle", "PixelUnshuffle", "ZeroPad2d",
        "ConstantPad1d", "ConstantPad2d", "ConstantPad3d", "ReflectionPad1d", "ReflectionPad2d", "ReflectionPad3d",
        "ReplicationPad1d", "ReplicationPad2d", "ReplicationPad3d", "CosineSimilarity", "PairwiseDistance");
}
