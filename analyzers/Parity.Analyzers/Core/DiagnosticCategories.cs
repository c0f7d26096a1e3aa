namespace Parity.Analyzers.Core;

/// <summary>The categories Parity's diagnostics are grouped under.</summary>
public static class DiagnosticCategories
{
    /// <summary>Code that creates new weights, layers or templates on every call of a model.</summary>
    public const string Creation = "Parity.Creation";

    /// <summary>Code that uses the scoped variable store and the tracking that makes it work.</summary>
    public const string Tracking = "Parity.Tracking";

    /// <summary>TorchSharp modules whose parameters and submodules are not registered.</summary>
    public const string TorchSharp = "Parity.TorchSharp";
}
