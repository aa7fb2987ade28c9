namespace Valence.Eeg.Synthetic;

/// <summary>
/// Writes one EEG channel's brain signal: the aperiodic background plus the four rhythms, each driven by its own
/// white noise, over a sequence of segments whose spectra differ (baseline, video, rest…) while the filters run on
/// without restarting, so the signal stays continuous across segment boundaries; optionally band-limited as DEAP's
/// preprocessing did. One instance per thread: it owns its noise buffers.
/// </summary>
/// <remarks>
/// Speed comes from running every recurrence — four background sections, four resonators, the two band-limiting
/// sections — in one loop over the samples with all state in locals: none waits on another, so they overlap in the
/// processor's pipeline instead of each costing its full latency per sample.
/// </remarks>
internal sealed class EegChannelSynthesizer
{
    private const int ChunkLength = 4096;
    private readonly double _sampleRate, _lowHz, _highHz;
    private readonly BandLimit? _bandLimit;
    private readonly float[][] _noise = Enumerable.Range(0, 5).Select(_ => new float[ChunkLength]).ToArray();

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

    /// <summary>One stretch of the output with one spectrum: samples [Start, Start + Length).</summary>
    public readonly record struct Segment(int Start, int Length, ChannelSpectrum Spectrum)
    {
        public int End => Start + Length;
    }

    /// <summary>
    /// Fills <paramref name="output"/> (which <paramref name="segments"/> cover, in order and without gaps) with the
    /// channel's signal in µV; <paramref name="drift"/> scales each rhythm per block.
    /// </summary>
    public void Run(Span<float> output, IReadOnlyList<Segment> segments, DriftEnvelope drift, SyntheticRandom rng)
    {
        var state = new State();
        int segmentIndex = 0;
        var coefficients = Design(segments[0].Spectrum);
        for (int chunk = 0; chunk < output.Length; chunk += ChunkLength)
        {
            int chunkEnd = Math.Min(chunk + ChunkLength, output.Length);
            foreach (var noise in _noise) rng.FillWhite(noise.AsSpan(0, chunkEnd - chunk));
            for (int n = chunk; n < chunkEnd;)
            {
                while (n >= segments[segmentIndex].End) coefficients = Design(segments[++segmentIndex].Spectrum);
                int end = Math.Min(chunkEnd, segments[segmentIndex].End);
                Render(output, n, end, chunk, coefficients, drift, ref state);
                n = end;
            }
        }
    }

    private Coefficients Design(ChannelSpectrum spectrum)
    {
        var background = AperiodicFilter.Design(spectrum.Exponent, _sampleRate, _lowHz, _highHz);
        var rhythms = new Resonator[4];
        var gains = new double[4];
        for (int b = 0; b < 4; b++)
        {
            rhythms[b] = Resonator.Design(spectrum.CentreHz[b], spectrum.BandwidthHz[b], _sampleRate);
            gains[b] = rhythms[b].UnitInputGain * spectrum.Microvolts[b];
        }
        return new Coefficients(background, background.InputGainFor(spectrum.BackgroundDensity), rhythms, gains);
    }

    /// <summary>Writes output[start..end), whose noise sits at offset start − chunk of the noise buffers.</summary>
    private void Render(Span<float> output, int start, int end, int chunk, Coefficients k, DriftEnvelope drift, ref State state)
    {
        var w0 = _noise[0]; var w1 = _noise[1]; var w2 = _noise[2]; var w3 = _noise[3]; var w4 = _noise[4];
        double[] p = k.Background.Poles, r = k.Background.Residues;
        double p0 = p[0], p1 = p[1], p2 = p[2], p3 = p[3], r0 = r[0], r1 = r[1], r2 = r[2], r3 = r[3];
        double d = k.Background.Direct, gBackground = k.BackgroundGain;
        var (t, a, b, g) = (k.Rhythms[0], k.Rhythms[1], k.Rhythms[2], k.Rhythms[3]);
        bool limit = _bandLimit.HasValue;
        var (hp, lp) = _bandLimit ?? default;
        // Locals, not the struct's fields, so that the JIT keeps every state in a register.
        double b0 = state.B0, b1 = state.B1, b2 = state.B2, b3 = state.B3;
        double t1 = state.T1, t2 = state.T2, a1 = state.A1, a2 = state.A2;
        double be1 = state.Be1, be2 = state.Be2, g1 = state.G1, g2 = state.G2;
        double h1 = state.H1, h2 = state.H2, l1 = state.L1, l2 = state.L2;
        for (int blockStart = start; blockStart < end;)
        {
            int block = blockStart / drift.BlockLength;
            int blockEnd = Math.Min(end, (block + 1) * drift.BlockLength);
            double gt = k.RhythmGains[0] * drift.Gain(0, block), ga = k.RhythmGains[1] * drift.Gain(1, block);
            double gb = k.RhythmGains[2] * drift.Gain(2, block), gg = k.RhythmGains[3] * drift.Gain(3, block);
            for (int n = blockStart, i = blockStart - chunk; n < blockEnd; n++, i++)
            {
                double e = w0[i] * gBackground;
                b0 = p0 * b0 + r0 * e;
                b1 = p1 * b1 + r1 * e;
                b2 = p2 * b2 + r2 * e;
                b3 = p3 * b3 + r3 * e;
                double theta = t.A1 * t1 + t.A2 * t2 + gt * w1[i];
                double alpha = a.A1 * a1 + a.A2 * a2 + ga * w2[i];
                double beta = b.A1 * be1 + b.A2 * be2 + gb * w3[i];
                double gamma = g.A1 * g1 + g.A2 * g2 + gg * w4[i];
                t2 = t1; t1 = theta;
                a2 = a1; a1 = alpha;
                be2 = be1; be1 = beta;
                g2 = g1; g1 = gamma;
                double x = d * e + b0 + b1 + b2 + b3 + theta + alpha + beta + gamma;
                if (limit)
                {
                    // Two transposed-direct-form-II sections: y = b₀x + z₁; z₁ ← b₁x − a₁y + z₂; z₂ ← b₂x − a₂y.
                    double y = hp.B0 * x + h1;
                    h1 = hp.B1 * x - hp.A1 * y + h2;
                    h2 = hp.B2 * x - hp.A2 * y;
                    x = lp.B0 * y + l1;
                    l1 = lp.B1 * y - lp.A1 * x + l2;
                    l2 = lp.B2 * y - lp.A2 * x;
                }
                output[n] = (float)x;
            }
            blockStart = blockEnd;
        }
        state = new State
        {
            B0 = b0, B1 = b1, B2 = b2, B3 = b3, T1 = t1, T2 = t2, A1 = a1, A2 = a2,
            Be1 = be1, Be2 = be2, G1 = g1, G2 = g2, H1 = h1, H2 = h2, L1 = l1, L2 = l2,
        };
    }

    private sealed record Coefficients(AperiodicFilter Background, double BackgroundGain, Resonator[] Rhythms, double[] RhythmGains);

    /// <summary>Every recurrence's memory: background sections, resonators (last two outputs), band-limit sections.</summary>
    private struct State
    {
        public double B0, B1, B2, B3, T1, T2, A1, A2, Be1, Be2, G1, G2, H1, H2, L1, L2;
    }
}
