using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// Writes the brain signal of up to eight EEG channels at once: each an aperiodic background plus the four rhythms,
/// each driven by its own white noise, over a sequence of segments whose spectra differ (baseline, video, rest…)
/// while the filters run on without restarting, so the signals stay continuous across segment boundaries;
/// optionally band-limited as DEAP's preprocessing did. One instance per thread: it owns its buffers.
/// </summary>
/// <remarks>
/// Every recurrence — four background sections, four resonators, the two band-limiting sections — runs in one loop
/// over the samples, and each of a <see cref="Vector256{T}"/>'s eight lanes is one channel. A recurrence must wait
/// for its previous output, so one channel alone is bound by that latency; eight channels side by side pay it once.
/// The noise comes from <see cref="SyntheticRandom.FillWhite"/>, whose eight generator lanes are the channels.
/// </remarks>
internal sealed class EegChannelSynthesizer
{
    /// <summary>Channels one pass writes.</summary>
    public const int Lanes = 8;

    private const int ChunkLength = 512, Sources = 5;
    private readonly double _sampleRate, _lowHz, _highHz;
    private readonly BandLimit? _bandLimit;
    private readonly float[][] _noise = Enumerable.Range(0, Sources).Select(_ => new float[ChunkLength * Lanes]).ToArray();
    private readonly float[] _interleaved = new float[ChunkLength * Lanes];

    /// <param name="lowHz">Lowest corner of the aperiodic background (below it the spectrum is flat).</param>
    /// <param name="highHz">Highest corner of the aperiodic background.</param>
    /// <param name="bandLimit">A band-pass applied to the output, or null for none.</param>
    public EegChannelSynthesizer(double sampleRate, double lowHz, double highHz, BandLimit? bandLimit)
    {
        _sampleRate = sampleRate;
        _lowHz = lowHz;
        _highHz = highHz;
        _bandLimit = bandLimit;
    }

    /// <summary>One stretch of the outputs, samples [Start, Start + Length), with each output's spectrum in it.</summary>
    public readonly record struct Segment(int Start, int Length, IReadOnlyList<ChannelSpectrum> Spectra)
    {
        public int End => Start + Length;
    }

    /// <summary>
    /// Fills each of <paramref name="outputs"/> (at most <see cref="Lanes"/>, all as long as the segments, which
    /// cover them in order and without gaps) with its channel's signal in µV; <paramref name="drift"/> scales each
    /// rhythm per block.
    /// </summary>
    public void Run(IReadOnlyList<float[]> outputs, IReadOnlyList<Segment> segments, DriftEnvelope drift, SyntheticRandom rng)
    {
        var state = new State();
        int segmentIndex = 0, length = outputs[0].Length;
        var coefficients = Design(segments[0].Spectra);
        for (int chunk = 0; chunk < length; chunk += ChunkLength)
        {
            int chunkEnd = Math.Min(chunk + ChunkLength, length);
            foreach (var noise in _noise) rng.FillWhite(noise.AsSpan(0, (chunkEnd - chunk) * Lanes));
            for (int n = chunk; n < chunkEnd;)
            {
                while (n >= segments[segmentIndex].End) coefficients = Design(segments[++segmentIndex].Spectra);
                int end = Math.Min(chunkEnd, segments[segmentIndex].End);
                Render(n, end, chunk, coefficients, drift, ref state);
                n = end;
            }
            Deinterleave(outputs, chunk, chunkEnd);
        }
    }

    private Coefficients Design(IReadOnlyList<ChannelSpectrum> spectra)
    {
        var k = new Coefficients();
        for (int lane = 0; lane < spectra.Count; lane++)
        {
            var spectrum = spectra[lane];
            var background = AperiodicFilter.Design(spectrum.Exponent, _sampleRate, _lowHz, _highHz);
            for (int m = 0; m < AperiodicFilter.Sections; m++)
            {
                k.Poles[m][lane] = (float)background.Poles[m];
                k.Residues[m][lane] = (float)background.Residues[m];
            }
            k.Direct[lane] = (float)background.Direct;
            k.BackgroundGain[lane] = (float)background.InputGainFor(spectrum.BackgroundDensity);
            for (int b = 0; b < 4; b++)
            {
                var rhythm = Resonator.Design(spectrum.CentreHz[b], spectrum.BandwidthHz[b], _sampleRate);
                k.Feedback1[b][lane] = (float)rhythm.A1;
                k.Feedback2[b][lane] = (float)rhythm.A2;
                k.RhythmGain[b][lane] = (float)(rhythm.UnitInputGain * spectrum.Microvolts[b]);
            }
        }
        return k;
    }

    /// <summary>Writes samples [start, end) into the interleaved buffer; their noise sits at sample offset start − chunk.</summary>
    private void Render(int start, int end, int chunk, Coefficients k, DriftEnvelope drift, ref State state)
    {
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(_noise[0]);
        ref float w1 = ref MemoryMarshal.GetArrayDataReference(_noise[1]);
        ref float w2 = ref MemoryMarshal.GetArrayDataReference(_noise[2]);
        ref float w3 = ref MemoryMarshal.GetArrayDataReference(_noise[3]);
        ref float w4 = ref MemoryMarshal.GetArrayDataReference(_noise[4]);
        ref float output = ref MemoryMarshal.GetArrayDataReference(_interleaved);
        var (p0, p1, p2, p3) = (Load(k.Poles[0]), Load(k.Poles[1]), Load(k.Poles[2]), Load(k.Poles[3]));
        var (r0, r1, r2, r3) = (Load(k.Residues[0]), Load(k.Residues[1]), Load(k.Residues[2]), Load(k.Residues[3]));
        var (d, gBackground) = (Load(k.Direct), Load(k.BackgroundGain));
        var (ta1, ta2, aa1, aa2) = (Load(k.Feedback1[0]), Load(k.Feedback2[0]), Load(k.Feedback1[1]), Load(k.Feedback2[1]));
        var (ba1, ba2, ga1, ga2) = (Load(k.Feedback1[2]), Load(k.Feedback2[2]), Load(k.Feedback1[3]), Load(k.Feedback2[3]));
        bool limit = _bandLimit.HasValue;
        var (hp, lp) = _bandLimit ?? default;
        var (hb0, hb1, hb2, ha1, ha2) = (Broadcast(hp.B0), Broadcast(hp.B1), Broadcast(hp.B2), Broadcast(hp.A1), Broadcast(hp.A2));
        var (lb0, lb1, lb2, la1, la2) = (Broadcast(lp.B0), Broadcast(lp.B1), Broadcast(lp.B2), Broadcast(lp.A1), Broadcast(lp.A2));
        // Locals, not the struct's fields, so that the JIT can keep the states in registers.
        Vector256<float> b0 = state.B0, b1 = state.B1, b2 = state.B2, b3 = state.B3;
        Vector256<float> t1 = state.T1, t2 = state.T2, a1 = state.A1, a2 = state.A2;
        Vector256<float> be1 = state.Be1, be2 = state.Be2, g1 = state.G1, g2 = state.G2;
        Vector256<float> h1 = state.H1, h2 = state.H2, l1 = state.L1, l2 = state.L2;
        for (int blockStart = start; blockStart < end;)
        {
            int block = blockStart / drift.BlockLength;
            int blockEnd = Math.Min(end, (block + 1) * drift.BlockLength);
            var gt = Load(k.RhythmGain[0]) * drift.Gain(0, block);
            var ga = Load(k.RhythmGain[1]) * drift.Gain(1, block);
            var gb = Load(k.RhythmGain[2]) * drift.Gain(2, block);
            var gg = Load(k.RhythmGain[3]) * drift.Gain(3, block);
            for (int n = blockStart; n < blockEnd; n++)
            {
                nuint i = (nuint)((n - chunk) * Lanes);
                var e = Vector256.LoadUnsafe(ref w0, i) * gBackground;
                b0 = p0 * b0 + r0 * e;
                b1 = p1 * b1 + r1 * e;
                b2 = p2 * b2 + r2 * e;
                b3 = p3 * b3 + r3 * e;
                var theta = ta1 * t1 + ta2 * t2 + gt * Vector256.LoadUnsafe(ref w1, i);
                var alpha = aa1 * a1 + aa2 * a2 + ga * Vector256.LoadUnsafe(ref w2, i);
                var beta = ba1 * be1 + ba2 * be2 + gb * Vector256.LoadUnsafe(ref w3, i);
                var gamma = ga1 * g1 + ga2 * g2 + gg * Vector256.LoadUnsafe(ref w4, i);
                t2 = t1; t1 = theta;
                a2 = a1; a1 = alpha;
                be2 = be1; be1 = beta;
                g2 = g1; g1 = gamma;
                var x = d * e + b0 + b1 + b2 + b3 + theta + alpha + beta + gamma;
                if (limit)
                {
                    // Two transposed-direct-form-II sections: y = b₀x + z₁; z₁ ← b₁x − a₁y + z₂; z₂ ← b₂x − a₂y.
                    var y = hb0 * x + h1;
                    h1 = hb1 * x - ha1 * y + h2;
                    h2 = hb2 * x - ha2 * y;
                    x = lb0 * y + l1;
                    l1 = lb1 * y - la1 * x + l2;
                    l2 = lb2 * y - la2 * x;
                }
                x.StoreUnsafe(ref output, (nuint)((n - chunk) * Lanes));
            }
            blockStart = blockEnd;
        }
        state = new State
        {
            B0 = b0, B1 = b1, B2 = b2, B3 = b3, T1 = t1, T2 = t2, A1 = a1, A2 = a2,
            Be1 = be1, Be2 = be2, G1 = g1, G2 = g2, H1 = h1, H2 = h2, L1 = l1, L2 = l2,
        };
    }

    private void Deinterleave(IReadOnlyList<float[]> outputs, int chunk, int chunkEnd)
    {
        for (int lane = 0; lane < outputs.Count; lane++)
        {
            var row = outputs[lane];
            for (int n = chunk, i = lane; n < chunkEnd; n++, i += Lanes) row[n] = _interleaved[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(float[] lanes) => Vector256.Create<float>(lanes);

    private static Vector256<float> Broadcast(double value) => Vector256.Create((float)value);

    /// <summary>Per-lane coefficients of one segment; lanes without a channel stay zero and produce silence.</summary>
    private sealed class Coefficients
    {
        public float[][] Poles { get; } = Rows();
        public float[][] Residues { get; } = Rows();
        public float[] Direct { get; } = new float[Lanes];
        public float[] BackgroundGain { get; } = new float[Lanes];
        public float[][] Feedback1 { get; } = Rows();
        public float[][] Feedback2 { get; } = Rows();
        public float[][] RhythmGain { get; } = Rows();

        private static float[][] Rows() => Enumerable.Range(0, 4).Select(_ => new float[Lanes]).ToArray();
    }

    /// <summary>Every recurrence's memory, per lane: background sections, resonators (last two outputs), band-limit sections.</summary>
    private struct State
    {
        public Vector256<float> B0, B1, B2, B3, T1, T2, A1, A2, Be1, Be2, G1, G2, H1, H2, L1, L2;
    }
}
