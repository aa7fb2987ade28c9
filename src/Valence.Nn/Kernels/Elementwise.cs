using System.Numerics;
using System.Runtime.InteropServices;

namespace Valence.Nn.Kernels;

/// <summary>An elementwise function of one argument, evaluated on all lanes of a vector.</summary>
public interface IUnaryOperator
{
    /// <summary>The function of each lane.</summary>
    Vector<float> Invoke(Vector<float> x);
}

/// <summary>An elementwise function of two arguments, evaluated on all pairs of lanes of two vectors.</summary>
public interface IBinaryOperator
{
    /// <summary>The function of each pair of lanes.</summary>
    Vector<float> Invoke(Vector<float> a, Vector<float> b);
}

/// <summary>
/// Drivers that apply an operator struct over spans, a vector at a time, for operations that
/// <see cref="System.Numerics.Tensors.TensorPrimitives"/> has no fused form of.
/// </summary>
/// <remarks>
/// The operator is a struct type argument so that the JIT specialises and inlines it. The tail shorter than a
/// vector goes through the same vector code in a zero-padded lane buffer, so an operator has a single form and
/// every element of a span is computed alike wherever it sits. Long spans are cut into chunks of whole vectors for
/// <see cref="Workers"/>; since no element depends on another, the result is the same on any number of threads.
/// </remarks>
public static unsafe class Elementwise
{
    /// <summary>Spans at least this long are split over threads: below it, waking a thread costs more than it saves.</summary>
    private const int ParallelLength = 1 << 16;

    /// <summary>destination[i] = op(x[i]). <paramref name="destination"/> may be <paramref name="x"/> itself.</summary>
    public static void Map<TOperator>(TOperator op, ReadOnlySpan<float> x, Span<float> destination)
        where TOperator : struct, IUnaryOperator
    {
        CheckLength(x.Length, destination.Length);
        int chunks = ChunkCount(x.Length);
        if (chunks == 1)
        {
            MapRange(op, x, destination);
            return;
        }
        fixed (float* px = x, pd = destination)
        {
            var job = new UnaryMapJob<TOperator>(op, px, pd, x.Length, ChunkLength(x.Length, chunks));
            Workers.Run(ref job, chunks);
        }
    }

    /// <summary>The single-threaded <see cref="Map{TOperator}(TOperator, ReadOnlySpan{float}, Span{float})"/>.</summary>
    internal static void MapRange<TOperator>(TOperator op, ReadOnlySpan<float> x, Span<float> destination)
        where TOperator : struct, IUnaryOperator
    {
        int width = Vector<float>.Count;
        ref float source = ref MemoryMarshal.GetReference(x);
        ref float target = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= x.Length - width; i += width)
            op.Invoke(Vector.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        if (i == x.Length) return;

        Span<float> lanes = stackalloc float[width];
        lanes.Clear();
        x[i..].CopyTo(lanes);
        op.Invoke(new Vector<float>(lanes)).CopyTo(lanes);
        lanes[..(x.Length - i)].CopyTo(destination[i..]);
    }

    /// <summary>destination[i] = op(a[i], b[i]). <paramref name="destination"/> may be either argument.</summary>
    public static void Map<TOperator>(TOperator op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination)
        where TOperator : struct, IBinaryOperator
    {
        CheckLength(a.Length, b.Length);
        CheckLength(a.Length, destination.Length);
        int chunks = ChunkCount(a.Length);
        if (chunks == 1)
        {
            MapRange(op, a, b, destination);
            return;
        }
        fixed (float* pa = a, pb = b, pd = destination)
        {
            var job = new BinaryMapJob<TOperator>(op, pa, pb, pd, a.Length, ChunkLength(a.Length, chunks));
            Workers.Run(ref job, chunks);
        }
    }

    /// <summary>The single-threaded <see cref="Map{TOperator}(TOperator, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>.</summary>
    internal static void MapRange<TOperator>(TOperator op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination)
        where TOperator : struct, IBinaryOperator
    {
        int width = Vector<float>.Count;
        ref float first = ref MemoryMarshal.GetReference(a);
        ref float second = ref MemoryMarshal.GetReference(b);
        ref float target = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= a.Length - width; i += width)
            op.Invoke(Vector.LoadUnsafe(ref first, (nuint)i), Vector.LoadUnsafe(ref second, (nuint)i))
                .StoreUnsafe(ref target, (nuint)i);
        if (i == a.Length) return;

        Span<float> lanes = stackalloc float[2 * width];
        lanes.Clear();
        a[i..].CopyTo(lanes);
        b[i..].CopyTo(lanes[width..]);
        op.Invoke(new Vector<float>(lanes), new Vector<float>(lanes[width..])).CopyTo(lanes);
        lanes[..(a.Length - i)].CopyTo(destination[i..]);
    }

    // Several chunks per thread, so that threads balance the load when one is slowed (see BatchSlices).
    private static int ChunkCount(int length)
    {
        int threads = Workers.MaxThreads;
        return threads == 1 ? 1 : Math.Max(1, Math.Min(threads * BatchSlices.SharedLoadSlices, length / ParallelLength));
    }

    // Chunks of whole vectors, so that only the span's own tail is a partial vector.
    private static int ChunkLength(int length, int chunks)
    {
        int width = Vector<float>.Count;
        return ((length + chunks - 1) / chunks + width - 1) / width * width;
    }

    private static void CheckLength(int expected, int actual)
    {
        if (actual != expected)
            throw new ArgumentException($"Elementwise: spans of {expected} and {actual} elements; they must be equal.");
    }
}
