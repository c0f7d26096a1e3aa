using static TorchSharp.torch;

namespace Parity.Samples.ResnetV1.Model;

/// <summary>
/// The shim: the unchanged legacy ResNet v1 50 forward pass inside a module whose <see cref="Forward"/>
/// is marked <see cref="TrackVariablesAttribute"/>. The first call creates the variables in the module's
/// own store; later calls reuse them, and <see cref="Module{TIn, TOut}.Losses"/> reports their
/// regularization losses.
/// </summary>
/// <param name="numClasses">Classifier size.</param>
public sealed class ShimResnetV1(long numClasses) : Module<Tensor, ResnetOutput>
{
    /// <summary>Classifier size.</summary>
    public long NumClasses => numClasses;

    /// <inheritdoc/>
    [TrackVariables]
    protected override ResnetOutput Forward(Tensor input) => LegacyResnetV1.Forward(input, numClasses, Training);
}
