using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Valence.Eeg.Formats.Mat;

namespace Valence.Eeg.Tests.Formats.Mat;

/// <summary>Little-endian MAT Level 5 pieces built by hand, for inputs no writer produces.</summary>
internal static class MatBytes
{
    public static byte[] Header(ushort version = 0x0100, string indicator = "IM")
    {
        var header = new byte[128];
        header.AsSpan(0, 116).Fill((byte)' ');
        Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, built by a test", header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(124), version);
        Encoding.ASCII.GetBytes(indicator, header.AsSpan(126));
        return header;
    }

    public static byte[] Tag(MatDataType type, long byteCount)
    {
        var tag = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(tag, (uint)type);
        BinaryPrimitives.WriteUInt32LittleEndian(tag.AsSpan(4), (uint)byteCount);
        return tag;
    }

    /// <summary>A miMATRIX element whose real-part tag claims <paramref name="realByteCount"/> bytes, followed by <paramref name="realData"/>.</summary>
    public static byte[] Matrix(string name, MatArrayClass arrayClass, int[] dimensions, MatDataType stored, long realByteCount, byte[] realData)
    {
        var flags = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(flags, (uint)arrayClass);
        byte[] dims = dimensions.SelectMany(BitConverter.GetBytes).ToArray();
        byte[] content = [.. Element(MatDataType.UInt32, flags), .. Element(MatDataType.Int32, dims),
            .. Element(MatDataType.Int8, Encoding.ASCII.GetBytes(name)), .. Tag(stored, realByteCount), .. realData];
        return [.. Tag(MatDataType.Matrix, content.Length), .. content];
    }

    public static byte[] Element(MatDataType type, byte[] data) =>
        [.. Tag(type, data.Length), .. data, .. new byte[(8 - data.Length % 8) % 8]];

    public static byte[] Compressed(byte[] element, long? declaredLength = null)
    {
        var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(element);
        return [.. Tag(MatDataType.Compressed, declaredLength ?? packed.Length), .. packed.ToArray()];
    }

    public static MatFileReader Open(byte[] file) => MatFileReader.Open(new MemoryStream(file), "test.mat");
}
