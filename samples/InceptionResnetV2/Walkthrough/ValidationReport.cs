using System.Collections.Generic;
using System.Linq;
using Parity.Testing;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>Everything the walkthrough found: what <c>--json</c> writes and the console prints.</summary>
public sealed class ValidationReport
{
    /// <summary>The model's <c>--model</c> name.</summary>
    public string Model { get; set; } = WalkthroughModel.InceptionResnetV2.Name;

    /// <summary>Number of variables of the shim module.</summary>
    public int VariableCount { get; set; }

    /// <summary>Number of trainable variables of the shim module.</summary>
    public int TrainableCount { get; set; }

    /// <summary>Every variable of the shim module, in creation order.</summary>
    public IReadOnlyList<VariableRow> Variables { get; set; } = [];

    /// <summary>The steps, in the order they ran.</summary>
    public List<StepResult> Steps { get; } = [];

    /// <summary>Step 3's numbers, once step 3 ran.</summary>
    public ConstantInference? Constant { get; set; }

    /// <summary>Step 3's blind spots with the guide's constant filling, when <c>--blind-spots</c> asked for them.</summary>
    public BlindSpotReport? ConstantBlindSpots { get; set; }

    /// <summary>Step 3's blind spots with distinct per-name values, when <c>--blind-spots</c> asked for them.</summary>
    public BlindSpotReport? DistinctBlindSpots { get; set; }

    /// <summary>Image size the blind spots were measured at.</summary>
    public long? BlindSpotSize { get; set; }

    /// <summary>Milliseconds of one warm inference forward pass of the shim.</summary>
    public double? ForwardMsShim { get; set; }

    /// <summary>Milliseconds of one warm inference forward pass of the native port.</summary>
    public double? ForwardMsNative { get; set; }

    /// <summary>Whether every step passed.</summary>
    public bool Passed => Steps.All(step => step.Passed);
}
