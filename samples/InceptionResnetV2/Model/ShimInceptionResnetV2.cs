using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.InceptionResnetV2.Model;

/// <summary>
/// The shim: the unchanged legacy forward pass inside a module whose <see cref="Forward"/> is marked
/// <see cref="TrackVariablesAttribute"/>. The first call creates the variables in the module's own
/// store; later calls reuse them, and <see cref="Module{TIn, TOut}.Losses"/> reports their regularization losses.
/// </summary>
/// <param name="numClasses">Classifier size.</param>
public sealed class ShimInceptionResnetV2(long numClasses) : Module<Tensor, InceptionOutput>
{
    /// <summary>Classifier size.</summary>
    public long NumClasses => numClasses;

    /// <inheritdoc/>
    [TrackVariables]
    protected override InceptionOutput Forward(Tensor input) => LegacyInception.Forward(input, numClasses, Training);
}
