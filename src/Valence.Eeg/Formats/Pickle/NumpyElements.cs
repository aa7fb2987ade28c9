using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// Converts a numpy array's raw bytes to float32: float32 bytes are copied straight into the destination; other
/// types go through a pooled chunk, byte-swapped in place when their order is not the machine's, then converted with
/// <see cref="TensorPrimitives"/>. Nothing is allocated per element.
/// </summary>
internal static class NumpyElements
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>Converts the elements of <paramref name="data"/>, in storage order, into <paramref name="destination"/>.</summary>
    public static void ToSingle(PickleBlob data, NumpyDType dtype, Span<float> destination)
    {
        if (dtype is { Kind: 'f', ItemSize: 4 })
        {
            CopySingles(data, dtype.IsSwapped, destination);
            return;
        }
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int perChunk = ChunkBytes / dtype.ItemSize;
            for (int start = 0; start < destination.Length; start += perChunk)
            {
                int n = Math.Min(perChunk, destination.Length - start);
                var bytes = chunk.AsSpan(0, n * dtype.ItemSize);
                data.CopyTo((long)start * dtype.ItemSize, bytes);
                Convert(bytes, dtype, destination.Slice(start, n));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>
    /// Reorders a column-major (Fortran) array into row-major (C) order: element (i₀, …, iₖ) moves from
    /// Σ iⱼ·(n₀·…·nⱼ₋₁) to Σ iⱼ·(nⱼ₊₁·…·nₖ).
    /// </summary>
    public static void ColumnMajorToRowMajor(ReadOnlySpan<float> columnMajor, Span<float> rowMajor, IReadOnlyList<long> shape)
    {
        if (rowMajor.IsEmpty) return;
        int rank = shape.Count;
        var stride = new int[rank];
        var index = new int[rank];
        int s = 1;
        for (int axis = 0; axis < rank; axis++)
        {
            stride[axis] = s;
            s *= (int)shape[axis];
        }
        int last = rank - 1, lastLength = (int)shape[last], lastStride = stride[last];
        int from = 0;
        for (int to = 0; to < rowMajor.Length;)
        {
            for (int k = 0, f = from; k < lastLength; k++, f += lastStride) rowMajor[to++] = columnMajor[f];
            // Advance the odometer over the other axes, last fastest.
            for (int axis = last - 1; axis >= 0; axis--)
            {
                from += stride[axis];
                if (++index[axis] < shape[axis]) break;
                from -= stride[axis] * index[axis];
                index[axis] = 0;
            }
        }
    }

    private static void CopySingles(PickleBlob data, bool swapped, Span<float> destination)
    {
        const int perChunk = ChunkBytes / sizeof(float);
        for (int start = 0; start < destination.Length; start += perChunk)
        {
            var bytes = MemoryMarshal.AsBytes(destination.Slice(start, Math.Min(perChunk, destination.Length - start)));
            data.CopyTo((long)start * sizeof(float), bytes);
            if (swapped) SwapInPlace(bytes, sizeof(float));
        }
    }

    private static void Convert(Span<byte> bytes, NumpyDType dtype, Span<float> destination)
    {
        if (dtype.IsSwapped) SwapInPlace(bytes, dtype.ItemSize);
        switch (dtype.Kind, dtype.ItemSize)
        {
            case ('f', 8): Widen<double>(bytes, destination); break;
            case ('f', 2): Widen<Half>(bytes, destination); break;
            case ('i', 1): Widen<sbyte>(bytes, destination); break;
            case ('i', 2): Widen<short>(bytes, destination); break;
            case ('i', 4): Widen<int>(bytes, destination); break;
            case ('i', 8): Widen<long>(bytes, destination); break;
            case ('u', 1): Widen<byte>(bytes, destination); break;
            case ('u', 2): Widen<ushort>(bytes, destination); break;
            case ('u', 4): Widen<uint>(bytes, destination); break;
            case ('u', 8): Widen<ulong>(bytes, destination); break;
            case ('b', 1):
                for (int i = 0; i < bytes.Length; i++) destination[i] = bytes[i] != 0 ? 1f : 0f;
                break;
            default:
                throw new PickleException($"dtype {dtype.Descriptor} cannot be converted to float32");
        }
    }

    private static void SwapInPlace(Span<byte> bytes, int itemSize)
    {
        switch (itemSize)
        {
            case 2:
                var halves = MemoryMarshal.Cast<byte, ushort>(bytes);
                BinaryPrimitives.ReverseEndianness(halves, halves);
                break;
            case 4:
                var words = MemoryMarshal.Cast<byte, uint>(bytes);
                BinaryPrimitives.ReverseEndianness(words, words);
                break;
            case 8:
                var longs = MemoryMarshal.Cast<byte, ulong>(bytes);
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
        }
    }

    private static void Widen<T>(Span<byte> bytes, Span<float> destination) where T : unmanaged, INumberBase<T> =>
        TensorPrimitives.ConvertTruncating<T, float>(MemoryMarshal.Cast<byte, T>(bytes), destination);
}
