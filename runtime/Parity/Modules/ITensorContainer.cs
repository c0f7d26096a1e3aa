using System.Collections.Generic;
using TorchSharp;

namespace Parity;

/// <summary>
/// A forward-pass result type that holds tensors in its own way. <see cref="Module{TIn, TOut}.Call"/>
/// keeps the tensors listed here alive after the call; every other tensor created in the call is freed.
/// </summary>
public interface ITensorContainer
{
    /// <summary>The tensors to keep.</summary>
    IEnumerable<torch.Tensor> Tensors { get; }
}
