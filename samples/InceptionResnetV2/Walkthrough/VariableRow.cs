namespace Parity.Samples.InceptionResnetV2.Walkthrough;

/// <summary>One variable as the report lists it.</summary>
/// <param name="Name">TF name (<c>MobilenetV1/Conv2d_0/weights</c>).</param>
/// <param name="Shape">TF shape.</param>
/// <param name="Trainable">Whether it is trained.</param>
public sealed record VariableRow(string Name, long[] Shape, bool Trainable);
