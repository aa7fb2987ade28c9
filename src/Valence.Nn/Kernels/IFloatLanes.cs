namespace Valence.Nn.Kernels;

/// <summary>
/// One SIMD register of floats, as a type parameter: a fused elementwise loop (a recurrent cell's gate arithmetic)
/// is written once over <typeparamref name="TSelf"/> and runs at the machine's widest vector width —
/// <see cref="Lanes512"/> where AVX-512 runs (twice the width of <see cref="System.Numerics.Vector{T}"/>, which
/// .NET keeps at 256 bits), <see cref="LanesVector"/> elsewhere (the caller branches on
/// <see cref="System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated"/>, a constant to the JIT).
/// </summary>
/// <remarks>
/// Each lane is computed on its own, with the same formula at any width, so a loop's results do not depend on
/// where a chunk starts. Calls compile to the vector instructions: the struct wraps one register, and generic
/// code over structs is specialised per type. The functions (sigmoid, tanh) are members rather than generic code
/// over the operators, so that each inlines as one body of intrinsics: composed from dozens of operator calls, a
/// cell's few functions exceeded the JIT's inlining budget, and the rest of the loop was left as calls.
/// </remarks>
internal interface IFloatLanes<TSelf> where TSelf : struct, IFloatLanes<TSelf>
{
    /// <summary>Floats per register.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TSelf Create(float value);

    /// <summary>values[start …]: <see cref="Count"/> of them, or those that remain followed by zeros.</summary>
    static abstract TSelf Load(ReadOnlySpan<float> values, int start);

    /// <summary>Writes the lanes to values[start …], or as many as fit.</summary>
    static abstract void Store(TSelf lanes, Span<float> values, int start);

    static abstract TSelf operator +(TSelf left, TSelf right);
    static abstract TSelf operator -(TSelf left, TSelf right);
    static abstract TSelf operator *(TSelf left, TSelf right);
    static abstract TSelf operator /(TSelf left, TSelf right);
    static abstract TSelf operator -(TSelf value);

    /// <summary>The logistic sigmoid per lane (<see cref="VectorMath.Sigmoid(float)"/>).</summary>
    static abstract TSelf Sigmoid(TSelf x);

    /// <summary>tanh per lane (<see cref="VectorMath.Tanh(float)"/>).</summary>
    static abstract TSelf Tanh(TSelf x);
}
