namespace Valence.Eeg.Datasets;

/// <summary>
/// Exact order statistics (the k-th smallest value) of one channel over many windows, without collecting the values:
/// a radix select over float32 bit patterns in three passes (11, 11 and 10 bits), with memory for a few histograms.
/// </summary>
/// <remarks>
/// Float32 bits map to unsigned keys that sort like the floats (negative values have all bits flipped, positive
/// values the sign bit set), so the k-th smallest key is the k-th smallest value. Each pass narrows every rank to
/// one bucket of the next bits; after 32 bits the key, and so the value, is exact.
/// </remarks>
internal static class OrderStatistics
{
    private static readonly (int Shift, int Bits)[] Passes = [(21, 11), (10, 11), (0, 10)];

    /// <summary>The values at 0-based <paramref name="ranks"/> among channel <paramref name="channel"/> of the given windows (NaN-free data).</summary>
    public static float[] Select(WindowSet windows, ReadOnlySpan<int> indices, int channel, ReadOnlySpan<long> ranks)
    {
        var prefixes = new uint[ranks.Length];
        var remaining = ranks.ToArray();
        int knownBits = 0;
        foreach (var (shift, bits) in Passes)
        {
            uint[] distinct = [.. prefixes.Distinct()];
            var histograms = new long[distinct.Length][];
            for (int p = 0; p < distinct.Length; p++) histograms[p] = new long[1 << bits];
            foreach (int w in indices)
                Count(windows.Channel(w, channel), distinct, histograms, knownBits, shift, bits);
            for (int r = 0; r < ranks.Length; r++)
            {
                var histogram = histograms[Array.IndexOf(distinct, prefixes[r])];
                int bucket = 0;
                while (remaining[r] >= histogram[bucket]) remaining[r] -= histogram[bucket++];
                prefixes[r] = (prefixes[r] << bits) | (uint)bucket;
            }
            knownBits += bits;
        }
        return [.. prefixes.Select(FromKey)];
    }

    private static void Count(ReadOnlySpan<float> values, uint[] prefixes, long[][] histograms, int knownBits, int shift, int bits)
    {
        uint mask = (1u << bits) - 1;
        foreach (float v in values)
        {
            uint key = Key(v);
            uint prefix = knownBits == 0 ? 0 : key >> (32 - knownBits);
            for (int p = 0; p < prefixes.Length; p++)
                if (prefixes[p] == prefix) histograms[p][(key >> shift) & mask]++;
        }
    }

    internal static uint Key(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    internal static float FromKey(uint key) =>
        BitConverter.UInt32BitsToSingle((key & 0x8000_0000u) != 0 ? key & 0x7FFF_FFFFu : ~key);
}
