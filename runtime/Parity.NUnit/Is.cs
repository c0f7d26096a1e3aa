using TorchSharp;
using static TorchSharp.torch;

namespace Parity.NUnit;

/// <summary>
/// NUnit's <c>Is</c> plus Parity's tensor constraints. Bring it in with
/// <c>using Is = Parity.NUnit.Is;</c> so <c>Is.EqualTo</c> and <c>Is.AllClose</c> both work.
/// </summary>
public abstract class Is : global::NUnit.Framework.Is
{
    /// <summary>
    /// A constraint that the actual tensor is element-wise close to <paramref name="expected"/>;
    /// chain <c>.Within(rtol, atol)</c> to override the dtype's default tolerance.
    /// </summary>
    /// <param name="expected">The reference tensor.</param>
    /// <returns>The constraint.</returns>
    public static AllCloseConstraint AllClose(Tensor expected) => new(expected);

    /// <summary>
    /// A constraint that the actual TorchSharp module is sound on <paramref name="input"/>: step 1 of the
    /// validation method for plain TorchSharp modules (see <see cref="Testing.ModuleCheck"/>).
    /// </summary>
    /// <param name="input">A representative input.</param>
    /// <returns>The constraint.</returns>
    public static SoundModuleConstraint SoundModule(Tensor input) => new(input);
}
