using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Valence.Nn.Kernels;

/// <summary>The lanes of a <see cref="Vector{T}"/> (256 bits with AVX2, 128 with SSE or NEON, or software).</summary>
[SkipLocalsInit]
internal readonly struct LanesVector(Vector<float> value) : IFloatLanes<LanesVector>
{
    public Vector<float> Value { get; } = value;

    public static int Count => Vector<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanesVector Create(float value) => new(new Vector<float>(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanesVector Load(ReadOnlySpan<float> values, int start)
    {
        if (values.Length - start >= Count) return new(Vector.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)start));
        var buffer = LaneBuffer.From(values[start..]);
        return new(Vector.LoadUnsafe(ref buffer[0]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(LanesVector lanes, Span<float> values, int start)
    {
        if (values.Length - start >= Count)
        {
            lanes.Value.StoreUnsafe(ref MemoryMarshal.GetReference(values), (nuint)start);
            return;
        }
        Unsafe.SkipInit(out LaneBuffer buffer);
        lanes.Value.StoreUnsafe(ref buffer[0]);
        buffer.CopyTo(values[start..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanesVector operator +(LanesVector left, LanesVector right) => new(left.Value + right.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanesVector operator -(LanesVector left, LanesVector right) => new(left.Value - right.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanesVector operator *(LanesVector left, LanesVector right) => new(left.Value * right.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanesVector operator /(LanesVector left, LanesVector right) => new(left.Value / right.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanesVector operator -(LanesVector value) => new(-value.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanesVector Sigmoid(LanesVector x) => new(VectorMath.Sigmoid(x.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LanesVector Tanh(LanesVector x) => new(VectorMath.Tanh(x.Value));

}
