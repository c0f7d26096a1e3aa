namespace Parity.Torch;

/// <summary>Element types a <see cref="Tensor"/> can hold. The values are the native dtype codes.</summary>
public enum DType
{
    /// <summary>32-bit IEEE float (<see cref="float"/>), libtorch's default.</summary>
    Float32 = 0,

    /// <summary>64-bit IEEE float (<see cref="double"/>).</summary>
    Float64 = 1,

    /// <summary>32-bit signed integer (<see cref="int"/>).</summary>
    Int32 = 2,

    /// <summary>64-bit signed integer (<see cref="long"/>), the type of indices.</summary>
    Int64 = 3,

    /// <summary>Boolean stored as one byte (<see cref="bool"/>), the result of comparisons.</summary>
    Bool = 4,
}
