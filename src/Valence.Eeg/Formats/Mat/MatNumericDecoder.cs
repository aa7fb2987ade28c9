using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// Streams an array's real part from the file into a row-major array, converting from the stored type (which MATLAB
/// may choose narrower than the class, e.g. miUINT8 for a double array of small integers) and from column-major
/// order, one chunk at a time so nothing is held twice.
/// </summary>
internal static class MatNumericDecoder
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>Reads <paramref name="destination"/>.Length values stored as <paramref name="stored"/> (a numeric type) into row-major order.</summary>
    public static void Decode<T>(MatByteReader reader, MatDataType stored, ReadOnlySpan<int> dimensions, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var order = new ColumnMajorOrder(dimensions);
        switch (stored)
        {
            case MatDataType.Double: Decode<double, T>(reader, order, destination); break;
            case MatDataType.Single: Decode<float, T>(reader, order, destination); break;
            case MatDataType.Int8: Decode<sbyte, T>(reader, order, destination); break;
            case MatDataType.UInt8: Decode<byte, T>(reader, order, destination); break;
            case MatDataType.Int16: Decode<short, T>(reader, order, destination); break;
            case MatDataType.UInt16: Decode<ushort, T>(reader, order, destination); break;
            case MatDataType.Int32: Decode<int, T>(reader, order, destination); break;
            case MatDataType.UInt32: Decode<uint, T>(reader, order, destination); break;
            case MatDataType.Int64: Decode<long, T>(reader, order, destination); break;
            case MatDataType.UInt64: Decode<ulong, T>(reader, order, destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(stored), stored, "Not a numeric MAT data type.");
        }
    }

    private static unsafe void Decode<TStored, T>(MatByteReader reader, ColumnMajorOrder order, Span<T> destination)
        where TStored : unmanaged, INumberBase<TStored>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int perChunk = ChunkBytes / sizeof(TStored);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        int[] rows = ArrayPool<int>.Shared.Rent(perChunk);
        try
        {
            for (int done = 0; done < destination.Length;)
            {
                int count = Math.Min(perChunk, destination.Length - done);
                Span<byte> chunk = bytes.AsSpan(0, count * sizeof(TStored));
                reader.Read(chunk);
                MatByteOrder.ConvertInPlace(chunk, sizeof(TStored), reader.BigEndian);
                ReadOnlySpan<TStored> values = MemoryMarshal.Cast<byte, TStored>(chunk);
                Span<int> indices = rows.AsSpan(0, count);
                order.Next(indices);
                for (int i = 0; i < indices.Length; i++) destination[indices[i]] = T.CreateTruncating(values[i]);
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
