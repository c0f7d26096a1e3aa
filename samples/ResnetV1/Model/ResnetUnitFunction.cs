using System.Collections.Generic;
using static TorchSharp.torch;

namespace Parity.Samples.ResnetV1.Model;

/// <summary>
/// A residual unit as a slim <c>Block</c>'s <c>unit_fn</c>: called inside the unit's scope
/// (<c>block1/unit_1</c>) with the unit's arguments, it adds its endpoints and returns its output.
/// </summary>
/// <param name="inputs">NHWC input.</param>
/// <param name="unit">The unit's depths and stride.</param>
/// <param name="endpoints">Receives the endpoints in order.</param>
/// <returns>The unit's output.</returns>
public delegate Tensor ResnetUnitFunction(Tensor inputs, ResnetUnit unit, List<KeyValuePair<string, Tensor>> endpoints);
