using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Valence.Nn.Kernels;

/// <summary>
/// Max pooling of one row: y[t] = max_k x[t·stride + k] for k &lt; kernel, and optionally where each maximum was
/// (the first of equal maxima; a NaN counts as the maximum, a later NaN replacing an earlier one, as PyTorch).
/// Eight outputs at a time for strides 1 and 2 (the usual pools), one at a time otherwise;
/// <see cref="PoolReference"/> is the plain loop it is tested against.
/// </summary>
internal static class MaxPoolRow
{
    private const int Width = 8;

    /// <summary>
    /// Pools <paramref name="x"/> into all of <paramref name="y"/>; when <paramref name="argmax"/> is not empty, it
    /// receives <paramref name="indexOffset"/> + the position in x of each maximum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pool(ReadOnlySpan<float> x, Span<float> y, Span<int> argmax, int indexOffset, int kernel, int stride)
    {
        int t = 0;
        if (stride <= 2 && Vector256.IsHardwareAccelerated)
        {
            // The last vector of outputs reads x up to (t + 7)·stride + kernel − 1, and stride 2 loads 16 at a time.
            int last = y.Length - Width;
            int reach = stride == 1 ? Width - 1 + kernel : 2 * Width - 1 + kernel;
            for (; t <= last && t * stride + reach <= x.Length; t += Width)
                PoolVector(x, y, argmax, indexOffset, kernel, stride, t);
        }
        PoolReference(x, y[t..], argmax.IsEmpty ? argmax : argmax[t..], indexOffset, kernel, stride, t);
    }

    /// <summary>
    /// The plain loop: outputs <paramref name="first"/> onwards of the row (<paramref name="y"/> and
    /// <paramref name="argmax"/> start at that output).
    /// </summary>
    public static void PoolReference(ReadOnlySpan<float> x, Span<float> y, Span<int> argmax, int indexOffset, int kernel,
        int stride, int first = 0)
    {
        for (int o = 0; o < y.Length; o++)
        {
            int start = (first + o) * stride, best = start;
            float max = x[start];
            for (int i = start + 1; i < start + kernel; i++)
            {
                float v = x[i];
                if (v > max || float.IsNaN(v))
                {
                    max = v;
                    best = i;
                }
            }
            y[o] = max;
            if (!argmax.IsEmpty) argmax[o] = indexOffset + best;
        }
    }

    // Outputs t … t + 7: window element k of all eight at once, kept where it beats the best so far.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PoolVector(ReadOnlySpan<float> x, Span<float> y, Span<int> argmax, int indexOffset, int kernel,
        int stride, int t)
    {
        ref float row = ref MemoryMarshal.GetReference(x);
        int start = t * stride;
        var max = Load(ref row, start, stride);
        var first = Vector256.Create(indexOffset + start) + Vector256<int>.Indices * stride;
        var best = first;
        for (int k = 1; k < kernel; k++)
        {
            var v = Load(ref row, start + k, stride);
            var replace = Vector256.GreaterThan(v, max) | ~Vector256.Equals(v, v);
            max = Vector256.ConditionalSelect(replace, v, max);
            best = Vector256.ConditionalSelect(replace.AsInt32(), first + Vector256.Create(k), best);
        }
        max.StoreUnsafe(ref MemoryMarshal.GetReference(y), (nuint)t);
        if (!argmax.IsEmpty) best.StoreUnsafe(ref MemoryMarshal.GetReference(argmax), (nuint)t);
    }

    // x[start], x[start + stride], … (8 values) for stride 1 or 2.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(ref float row, int start, int stride)
    {
        var low = Vector256.LoadUnsafe(ref row, (nuint)start);
        if (stride == 1) return low;
        var high = Vector256.LoadUnsafe(ref row, (nuint)(start + Width));
        // Each half's even elements to its lower 128 bits, then the two lower halves together.
        var order = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
        return Vector256.Create(Vector256.Shuffle(low, order).GetLower(), Vector256.Shuffle(high, order).GetLower());
    }
}
