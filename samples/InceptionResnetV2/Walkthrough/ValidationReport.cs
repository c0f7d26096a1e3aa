using System.Collections.Generic;
using System.Linq;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>Everything the walkthrough found: what <c>--json</c> writes and the console prints.</summary>
public sealed class ValidationReport
{
    /// <summary>The model's name.</summary>
    public string Model { get; init; } = "InceptionResnetV2";

    /// <summary>Number of variables of the shim module.</summary>
    public int VariableCount { get; set; }

    /// <summary>Number of trainable variables of the shim module.</summary>
    public int TrainableCount { get; set; }

    /// <summary>The steps, in the order they ran.</summary>
    public List<StepResult> Steps { get; } = [];

    /// <summary>Step 3's numbers, once step 3 ran.</summary>
    public ConstantInference? Constant { get; set; }

    /// <summary>Milliseconds of one warm inference forward pass of the shim.</summary>
    public double? ForwardMsShim { get; set; }

    /// <summary>Milliseconds of one warm inference forward pass of the native port.</summary>
    public double? ForwardMsNative { get; set; }

    /// <summary>Whether every step passed.</summary>
    public bool Passed => Steps.All(step => step.Passed);
}
