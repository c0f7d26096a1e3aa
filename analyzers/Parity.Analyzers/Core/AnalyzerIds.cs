namespace Parity.Analyzers.Core;

/// <summary>
/// Every diagnostic id Parity reports, in one place. The first digit is the family: 1 = creation in a
/// forward pass, 2 = variable tracking, 3 = TorchSharp module registration.
/// </summary>
public static class AnalyzerIds
{
    /// <summary>A forward pass creates a variable without a create-once guard.</summary>
    public const string VariableCreatedInForwardPass = "PAR1001";

    /// <summary>A forward pass creates a layer or module without a create-once guard.</summary>
    public const string LayerCreatedInForwardPass = "PAR1002";

    /// <summary>A scoped layer is called without a name outside a named variable scope.</summary>
    public const string AutoNamedScopedLayer = "PAR1003";

    /// <summary>A forward pass makes a variable-sharing template without a create-once guard.</summary>
    public const string TemplateCreatedInForwardPass = "PAR1004";

    /// <summary>A forward pass uses the variable store but is not marked <c>[TrackVariables]</c>.</summary>
    public const string UntrackedVariableStoreUse = "PAR2001";

    /// <summary><c>[TrackVariables]</c> is placed where it has no effect.</summary>
    public const string IneffectiveTrackVariables = "PAR2002";

    /// <summary>A module's <c>Forward</c> is invoked directly, bypassing tracking.</summary>
    public const string DirectForwardCall = "PAR2003";

    /// <summary>A TorchSharp module with component fields never calls <c>RegisterComponents()</c>.</summary>
    public const string MissingRegisterComponents = "PAR3001";

    /// <summary>TorchSharp submodules or parameters are kept in an ordinary collection.</summary>
    public const string ComponentsInPlainCollection = "PAR3002";

    /// <summary>A TorchSharp submodule or parameter is held in an auto-property instead of a field.</summary>
    public const string ComponentInAutoProperty = "PAR3003";

    /// <summary>A TorchSharp submodule or parameter is stored in a field after <c>RegisterComponents()</c> ran, and never registered.</summary>
    public const string ComponentAssignedAfterRegistration = "PAR3004";

    /// <summary>A TorchSharp module keeps a tensor made with <c>requires_grad</c> where registration makes it a buffer, or nothing.</summary>
    public const string TrainableTensorNotParameter = "PAR3005";
}
