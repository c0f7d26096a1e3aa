namespace Parity;

/// <summary>Where the shape of a <c>GetVariable</c> request came from; only a specified shape is checked against an existing variable.</summary>
internal enum ShapeSource
{
    Specified,
    FromInitializer,
    Unknown,
}
