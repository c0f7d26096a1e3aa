using System.Collections.Generic;

namespace Parity;

/// <summary>
/// What Parity's own machinery asks of every <see cref="Module{TIn, TOut}"/>, whatever its input and
/// output types: the store, the weights it holds outside its store, and whether it has built its
/// variables yet. TorchSharp leaves no room for a non-generic Parity base class between
/// <c>torch.nn.Module</c> and <c>torch.nn.Module&lt;TIn, TOut&gt;</c>, so this interface plays that part.
/// </summary>
internal interface IParityModule
{
    /// <summary>A label for messages and reports.</summary>
    string Name { get; }

    /// <summary>The module's store, or <see langword="null"/> before its first tracked call (and always for an untracked module).</summary>
    VariableStore? Store { get; }

    /// <summary>Weights the module holds itself rather than through fields or its store.</summary>
    IEnumerable<Variable> OwnVariables { get; }

    /// <summary>
    /// Whether the module's variables exist: always for a module that creates none lazily, after the
    /// first call for a tracked module or a lazily built layer.
    /// </summary>
    bool IsBuilt { get; }
}
