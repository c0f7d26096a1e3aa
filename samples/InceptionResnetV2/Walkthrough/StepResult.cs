using Parity.Testing;

namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>The outcome of one validation step.</summary>
/// <param name="Name">What the step checks.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="MaxAbsDiff">Greatest absolute difference over everything compared, or null when the step compares no numbers.</param>
/// <param name="MaxRelDiff">Greatest relative difference, or null.</param>
/// <param name="Seconds">Wall-clock time of the step.</param>
/// <param name="Detail">One line for the report (or the failure message).</param>
/// <param name="Endpoints">The endpoint table when the step compared endpoints.</param>
public sealed record StepResult(string Name, bool Passed, double? MaxAbsDiff, double? MaxRelDiff, double Seconds, string Detail, EndpointReport? Endpoints);
