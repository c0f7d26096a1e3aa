using System.Collections.Generic;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>Step 3's numbers (every variable 0.001, ones input): what a reader can check against another implementation.</summary>
/// <param name="RegularizationLoss">Sum of the regularization losses.</param>
/// <param name="LogitsFirst5">The first five logits.</param>
/// <param name="AuxLogitsFirst5">The first five auxiliary logits.</param>
public sealed record ConstantInference(double RegularizationLoss, IReadOnlyList<double> LogitsFirst5, IReadOnlyList<double> AuxLogitsFirst5);
