using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// Streams a row-major array to a MAT-file's real part: column-major order, converted to the stored floating-point
/// type, little-endian, one chunk at a time.
/// </summary>
internal static class MatNumericEncoder
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>Writes <paramref name="rowMajor"/> (dimensions in MATLAB's order) as <paramref name="stored"/> values.</summary>
    public static void Encode<T>(Stream target, ReadOnlySpan<T> rowMajor, ReadOnlySpan<int> dimensions, MatDataType stored)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var order = new ColumnMajorOrder(dimensions);
        switch (stored)
        {
            case MatDataType.Double: Encode<T, double>(target, rowMajor, order); break;
            case MatDataType.Single: Encode<T, float>(target, rowMajor, order); break;
            default: throw new ArgumentOutOfRangeException(nameof(stored), stored, "Values are written as miDOUBLE or miSINGLE.");
        }
    }

    private static unsafe void Encode<T, TStored>(Stream target, ReadOnlySpan<T> rowMajor, ColumnMajorOrder order)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TStored : unmanaged, IFloatingPointIeee754<TStored>
    {
        int perChunk = ChunkBytes / sizeof(TStored);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        int[] rows = ArrayPool<int>.Shared.Rent(perChunk);
        try
        {
            for (int done = 0; done < rowMajor.Length;)
            {
                int count = Math.Min(perChunk, rowMajor.Length - done);
                Span<int> indices = rows.AsSpan(0, count);
                order.Next(indices);
                Span<byte> chunk = bytes.AsSpan(0, count * sizeof(TStored));
                Span<TStored> values = MemoryMarshal.Cast<byte, TStored>(chunk);
                for (int i = 0; i < indices.Length; i++) values[i] = TStored.CreateTruncating(rowMajor[indices[i]]);
                MatByteOrder.ConvertInPlace(chunk, sizeof(TStored), fileBigEndian: false);
                target.Write(chunk);
                done += count;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
