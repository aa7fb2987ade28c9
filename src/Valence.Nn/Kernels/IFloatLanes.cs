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
/// code over structs is specialised per type.
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

    /// <summary>e^x per lane (the runtime's vector exp).</summary>
    static abstract TSelf Exp(TSelf x);

    /// <summary>The smaller per lane.</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary>The larger per lane.</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>|x| per lane.</summary>
    static abstract TSelf Abs(TSelf x);

    /// <summary>Per lane, <paramref name="ifBelow"/> where x &lt; limit, else <paramref name="otherwise"/>.</summary>
    static abstract TSelf SelectBelow(TSelf x, TSelf limit, TSelf ifBelow, TSelf otherwise);
}
