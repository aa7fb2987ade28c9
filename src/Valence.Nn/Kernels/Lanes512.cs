using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Valence.Nn.Kernels;

/// <summary>Sixteen float lanes in a <see cref="Vector512{T}"/>, for machines with AVX-512.</summary>
[SkipLocalsInit]
internal readonly struct Lanes512(Vector512<float> value) : IFloatLanes<Lanes512>
{
    public Vector512<float> Value { get; } = value;

    public static int Count => Vector512<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Create(float value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Load(ReadOnlySpan<float> values, int start)
    {
        if (values.Length - start >= Count) return new(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)start));
        var buffer = LaneBuffer.From(values[start..]);
        return new(Vector512.LoadUnsafe(ref buffer[0]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes512 lanes, Span<float> values, int start)
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
    public static Lanes512 operator +(Lanes512 left, Lanes512 right) => new(left.Value + right.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 left, Lanes512 right) => new(left.Value - right.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(Lanes512 left, Lanes512 right) => new(left.Value * right.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator /(Lanes512 left, Lanes512 right) => new(left.Value / right.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 value) => new(-value.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Sigmoid(Lanes512 x) => new(VectorMath.Sigmoid(x.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Tanh(Lanes512 x) => new(VectorMath.Tanh(x.Value));
}
