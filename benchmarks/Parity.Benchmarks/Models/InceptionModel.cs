namespace Parity.Benchmarks.Models;

/// <summary>The three C# builds of Inception-ResNet-v2 the model benchmarks compare.</summary>
public enum InceptionModel
{
    /// <summary>The hand-written TorchSharp model (<see cref="HandWritten.HandWrittenInceptionResnetV2"/>): no Parity code, the yardstick on the same engine.</summary>
    TorchSharp,

    /// <summary>The sample's native port: the fully migrated model on TorchSharp's torch.nn layers.</summary>
    Native,

    /// <summary>The sample's shim: the unchanged legacy slim code inside a <c>[TrackVariables]</c> module.</summary>
    Shim,
}

/// <summary>What one timed call does.</summary>
public enum InceptionWorkload
{
    /// <summary>One forward pass in inference mode without autograd, batch 1, 299×299.</summary>
    Inference,

    /// <summary>
    /// One training step at batch 1, 139×139 (the smallest comfortable size that reaches every block and the
    /// aux head): forward in training mode, backward of the sum of both heads' logits, an SGD step (learning
    /// rate 0.01, no momentum) and the gradients zeroed.
    /// </summary>
    TrainingStep,
}
