namespace Parity.Testing;

/// <summary>What <see cref="ModuleCheck"/> found wrong with a TorchSharp module.</summary>
public enum ModuleCheckFindingKind
{
    /// <summary>A module, parameter or <c>requires_grad</c> tensor held in a field (or a collection in a field) that the module never registered: <c>parameters()</c>, <c>state_dict()</c> and <c>to()</c> do not see it.</summary>
    NotRegistered,

    /// <summary>A parameter or buffer that one call registered and the other did not: the module's state changes shape from call to call.</summary>
    AppearedBetweenCalls,

    /// <summary>A parameter or buffer registered before a call and gone after it.</summary>
    DisappearedBetweenCalls,

    /// <summary>A parameter, buffer or field component replaced by a new object during a call: the forward pass builds state per call.</summary>
    ReplacedBetweenCalls,

    /// <summary>The output depends on a tensor that requires grad but is no registered parameter (for example a <c>Parameter</c> made in <c>forward</c>): training would never update it.</summary>
    UnregisteredGradTensorUsed,

    /// <summary>Two calls in <c>eval()</c> mode on the same input gave different outputs (for example a dropout made per call, which ignores <c>eval()</c>).</summary>
    OutputChangesInEval,

    /// <summary>A tensor held in a field kept its old element type after <c>module.to(dtype)</c>: it was not registered, so conversion did not reach it.</summary>
    LeftBehindByTo,

    /// <summary><c>module.to(dtype)</c> threw (TorchSharp 0.107's <c>to()</c> fails, for example, on a module holding a <c>ModuleDict</c>): the module cannot change dtype.</summary>
    ToFails,
}
