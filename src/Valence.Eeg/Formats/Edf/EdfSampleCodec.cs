using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Valence.Eeg.Formats.Edf;

/// <summary>Converts between sample bytes (16-bit or 24-bit little-endian two's complement) and integers or physical values.</summary>
internal static class EdfSampleCodec
{
    /// <summary>Decodes <paramref name="bytes"/> (whole samples of <paramref name="bytesPerSample"/> bytes) into digital values.</summary>
    public static void DecodeDigital(ReadOnlySpan<byte> bytes, Span<int> destination, int bytesPerSample)
    {
        if (bytesPerSample == 2)
        {
            ReadOnlySpan<short> samples = MemoryMarshal.Cast<byte, short>(bytes);
            if (BitConverter.IsLittleEndian)
                for (int i = 0; i < samples.Length; i++) destination[i] = samples[i];
            else
                for (int i = 0; i < samples.Length; i++) destination[i] = BinaryPrimitives.ReverseEndianness(samples[i]);
            return;
        }
        for (int i = 0, b = 0; b < bytes.Length; i++, b += 3)
            destination[i] = Int24(bytes, b);
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> into physical values of <paramref name="signal"/>; returns the index of the
    /// first value too large for a float (possible only with an extreme scale), or −1.
    /// </summary>
    public static int DecodePhysical(ReadOnlySpan<byte> bytes, Span<float> destination, int bytesPerSample, EdfSignalHeader signal)
    {
        double physicalMinimum = signal.PhysicalMinimum, digitalMinimum = signal.DigitalMinimum, gain = signal.Gain;
        int count = bytes.Length / bytesPerSample;
        Span<float> values = destination[..count];
        if (bytesPerSample == 2)
            for (int i = 0; i < count; i++)
                values[i] = (float)(physicalMinimum + (BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]) - digitalMinimum) * gain);
        else
            for (int i = 0; i < count; i++)
                values[i] = (float)(physicalMinimum + (Int24(bytes, 3 * i) - digitalMinimum) * gain);
        for (int i = 0; i < count; i++)
            if (!float.IsFinite(values[i])) return i;
        return -1;
    }

    /// <summary>Encodes digital values as samples of <paramref name="bytesPerSample"/> bytes; each value must fit the width.</summary>
    public static void EncodeDigital(ReadOnlySpan<int> values, Span<byte> destination, int bytesPerSample)
    {
        for (int i = 0, b = 0; i < values.Length; i++, b += bytesPerSample)
        {
            int v = values[i];
            destination[b] = (byte)v;
            destination[b + 1] = (byte)(v >> 8);
            if (bytesPerSample == 3) destination[b + 2] = (byte)(v >> 16);
        }
    }

    /// <summary>Reads a 24-bit little-endian two's complement value: shifting it into the top of an int and back extends the sign.</summary>
    private static int Int24(ReadOnlySpan<byte> bytes, int offset) =>
        (bytes[offset] << 8 | bytes[offset + 1] << 16 | bytes[offset + 2] << 24) >> 8;
}
