using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Valence.Eeg.Formats.Mat;

/// <summary>Converts numbers between a file's byte order and this machine's, in place.</summary>
internal static class MatByteOrder
{
    /// <summary>Reverses each <paramref name="elementSize"/>-byte number in <paramref name="bytes"/> if the file's byte order differs from this machine's.</summary>
    public static void ConvertInPlace(Span<byte> bytes, int elementSize, bool fileBigEndian)
    {
        if (fileBigEndian != BitConverter.IsLittleEndian) return;
        switch (elementSize)
        {
            case sizeof(ushort):
                Span<ushort> halves = MemoryMarshal.Cast<byte, ushort>(bytes);
                BinaryPrimitives.ReverseEndianness(halves, halves);
                break;
            case sizeof(uint):
                Span<uint> words = MemoryMarshal.Cast<byte, uint>(bytes);
                BinaryPrimitives.ReverseEndianness(words, words);
                break;
            case sizeof(ulong):
                Span<ulong> longs = MemoryMarshal.Cast<byte, ulong>(bytes);
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
        }
    }
}
