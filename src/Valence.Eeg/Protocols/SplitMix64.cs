namespace Valence.Eeg.Protocols;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny seeded generator whose stream is fixed by its definition, so a
/// seed gives the same splits on every machine and every .NET version (System.Random promises neither).
/// </summary>
internal sealed class SplitMix64
{
    private ulong _state;

    private SplitMix64(ulong state) => _state = state;

    /// <summary>A generator for <paramref name="seed"/> and the sub-stream named by <paramref name="stream"/> (for example a subject and a fold), so that one part's draws do not depend on how many another part made.</summary>
    public static SplitMix64 For(int seed, params ReadOnlySpan<long> stream)
    {
        ulong state = Mix((ulong)(uint)seed);
        foreach (long part in stream) state = Mix(state ^ Mix((ulong)part + 0x9E37_79B9_7F4A_7C15UL));
        return new SplitMix64(state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => Mix(_state += 0x9E37_79B9_7F4A_7C15UL);

    /// <summary>A uniform double in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    public int NextInt(int bound)
    {
        ulong limit = ulong.MaxValue - ulong.MaxValue % (ulong)bound;
        ulong draw;
        do draw = NextUInt64(); while (draw >= limit);
        return (int)(draw % (ulong)bound);
    }

    /// <summary>Fisher–Yates shuffle.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
