using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// The generator's randomness: xoshiro256** for parameters and an 8-lane xoshiro128+ for white noise, both seeded
/// through SplitMix64 from a key (seed, purpose, subject, trial, channel). Keying every stream by what it is for,
/// rather than drawing from one shared stream, makes subject k's data independent of how many subjects, trials or
/// threads came before it.
/// </summary>
internal sealed class SyntheticRandom
{
    private const double Sqrt3 = 1.7320508075688772;
    private ulong _s0, _s1, _s2, _s3;

    private SyntheticRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x); _s1 = SplitMix64(ref x); _s2 = SplitMix64(ref x); _s3 = SplitMix64(ref x);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1;
    }

    /// <summary>The stream for one purpose of one subject (0 = shared by all subjects), trial and channel (−1 = none).</summary>
    public static SyntheticRandom For(ulong seed, RandomStream purpose, int subject = 0, int trial = -1, int channel = -1)
    {
        ulong h = seed;
        h = Mix(h ^ (ulong)purpose);
        h = Mix(h ^ (uint)subject);
        h = Mix(h ^ (uint)trial);
        h = Mix(h ^ (uint)channel);
        return new SyntheticRandom(h);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextULong()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>); the bias of the multiply-shift is below 2⁻³², far under anything we measure.</summary>
    public int NextInt(int maxExclusive) => (int)(((NextULong() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>Standard normal (Box–Muller, one value per call so that the stream position never depends on a cache).</summary>
    public double Gaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Normal with mean <paramref name="mean"/> and standard deviation <paramref name="sd"/>.</summary>
    public double Gaussian(double mean, double sd) => mean + sd * Gaussian();

    /// <summary>Exponential waiting time with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with white noise of mean 0 and variance 1, uniformly distributed on
    /// [−√3, √3). Uniform rather than Gaussian because every filter it drives sums many samples, so what comes out
    /// is near-Gaussian anyway, and a Gaussian draw per sample would cost more than the rest of the generator.
    /// </summary>
    public void FillWhite(Span<float> destination)
    {
        // Eight xoshiro128+ lanes side by side; integer SIMD is exact, so every machine gives the same stream.
        // xoshiro128+'s weak bits are its lowest; only the top 24 are used.
        Span<uint> seeds = stackalloc uint[32];
        for (int i = 0; i < 16; i++)
        {
            ulong v = NextULong();
            seeds[2 * i] = (uint)v;
            seeds[2 * i + 1] = (uint)(v >> 32) | 1u;
        }
        var s0 = Vector256.Create<uint>(seeds[..8]);
        var s1 = Vector256.Create<uint>(seeds[8..16]);
        var s2 = Vector256.Create<uint>(seeds[16..24]);
        var s3 = Vector256.Create<uint>(seeds[24..32]);
        var scale = Vector256.Create((float)(2.0 * Sqrt3 / (1 << 24)));
        var offset = Vector256.Create((float)(Sqrt3 * (1.0 / (1 << 24) - 1.0)));
        ref float output = ref MemoryMarshal.GetReference(destination);
        int whole = destination.Length & ~7;
        for (int n = 0; n < destination.Length; n += 8)
        {
            var result = s0 + s3;
            var t = s1 << 9;
            s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
            s2 ^= t;
            s3 = RotateLeft(s3, 11);
            // 24 random bits → [0, 2²⁴) exactly as float, then centred: (2u − 1 + 2⁻²⁴)·√3 has mean 0.
            var white = Vector256.ConvertToSingle((result >> 8).AsInt32()) * scale + offset;
            if (n < whole) white.StoreUnsafe(ref output, (nuint)n);
            else for (int i = n; i < destination.Length; i++) destination[i] = white[i - n];
        }
    }

    private static Vector256<uint> RotateLeft(Vector256<uint> v, int k) => (v << k) | (v >>> (32 - k));

    private static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
