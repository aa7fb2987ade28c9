namespace Valence.Eeg.Datasets;

/// <summary>
/// Exact order statistics (the k-th smallest value) of one channel over many windows, without collecting the values:
/// a radix select over float32 bit patterns in two passes of 16 bits.
/// </summary>
/// <remarks>
/// Float32 bits map to unsigned keys that sort like the floats (negative values have all bits flipped, positive
/// values the sign bit set), so the k-th smallest key is the k-th smallest value. The first pass counts the high 16
/// bits of every key and finds each rank's bucket; the second counts the low 16 bits of the keys in those buckets,
/// which gives each key, and so each value, exactly. The histograms (one, then one per distinct bucket) are kept and
/// reused from channel to channel: about 0.5 MiB each.
/// </remarks>
internal sealed class OrderStatistics
{
    private const int Bits = 16;
    private readonly long[][] _histograms;

    /// <summary>Prepares to select up to <paramref name="maxRanks"/> ranks at a time.</summary>
    public OrderStatistics(int maxRanks) =>
        _histograms = [.. Enumerable.Range(0, maxRanks).Select(_ => new long[1 << Bits])];

    /// <summary>The values at 0-based <paramref name="ranks"/> among channel <paramref name="channel"/> of the given windows (NaN-free data).</summary>
    public float[] Select(WindowSet windows, ReadOnlySpan<int> indices, int channel, ReadOnlySpan<long> ranks)
    {
        var remaining = ranks.ToArray();
        var high = new uint[ranks.Length];
        var all = _histograms[0];
        Array.Clear(all);
        foreach (int w in indices)
            foreach (float v in windows.Channel(w, channel)) all[Key(v) >> Bits]++;
        for (int r = 0; r < ranks.Length; r++) high[r] = Bucket(all, ref remaining[r]);

        uint[] buckets = [.. high.Distinct()];
        for (int b = 0; b < buckets.Length; b++) Array.Clear(_histograms[b]);
        foreach (int w in indices)
            foreach (float v in windows.Channel(w, channel))
            {
                uint key = Key(v);
                uint top = key >> Bits;
                for (int b = 0; b < buckets.Length; b++)
                    if (buckets[b] == top) _histograms[b][key & 0xFFFF]++;
            }
        var values = new float[ranks.Length];
        for (int r = 0; r < ranks.Length; r++)
        {
            uint low = Bucket(_histograms[Array.IndexOf(buckets, high[r])], ref remaining[r]);
            values[r] = FromKey((high[r] << Bits) | low);
        }
        return values;
    }

    /// <summary>The bucket that holds the 0-based rank <paramref name="rank"/>; leaves the rank within that bucket.</summary>
    private static uint Bucket(long[] histogram, ref long rank)
    {
        uint bucket = 0;
        while (rank >= histogram[bucket]) rank -= histogram[bucket++];
        return bucket;
    }

    internal static uint Key(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    internal static float FromKey(uint key) =>
        BitConverter.UInt32BitsToSingle((key & 0x8000_0000u) != 0 ? key & 0x7FFF_FFFFu : ~key);
}
