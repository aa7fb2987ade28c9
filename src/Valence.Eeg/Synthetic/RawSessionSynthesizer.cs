using System.Numerics.Tensors;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// Writes one subject's continuous raw session as DEAP's BDF files hold it: 48 channels at
/// <see cref="SyntheticDeapOptions.RawSampleRate"/> in the site's layout (<see cref="DeapRawLayout"/>). The EEG is
/// not re-referenced: every electrode carries its own DC offset and slow drift, the common-mode signal of the
/// reference site, mains at <see cref="SyntheticDeapOptions.MainsFrequency"/> (and its third harmonic), and the full
/// ocular and muscle signals. The Status channel follows DEAP's protocol (<see cref="SessionTimeline"/>).
/// </summary>
internal static class RawSessionSynthesizer
{
    /// <summary>
    /// The constant added to the Status values of participants 24–32. Its low 16 bits are not zero, so a reader
    /// must subtract the first value, then take the result modulo 65536, as DEAP's documentation says.
    /// </summary>
    public const int StatusOffset = 0x1E_FFFC;

    // Stream keys. In the trial slot: the session as a whole (0), its trials (100 + Experiment_id) and the stretches
    // between them (1000 + n). In the channel slot of the EEG noise: the group of eight channels (0–3) or the reference site.
    private const int SessionKey = 0, TrialKeyBase = 100, GapKeyBase = 1000, ReferenceStream = 100;
    private const string ActiveElectrode = "Active Electrode";

    /// <summary>Generates subject <paramref name="plan"/>'s session.</summary>
    public static RawSession Generate(SubjectPlan plan, string source)
    {
        var options = plan.Options;
        double fs = options.RawSampleRate;
        var timeline = SessionTimeline.Build(plan, fs);
        int length = timeline.SampleCount;
        var sources = Sources(plan, timeline);
        var drift = new DriftEnvelope(length, (int)(fs / 4));
        foreach (var window in timeline.Trials) drift.Apply(window.Trial.Fingerprint, window.Start, window.End, fs);
        var mains = new Mains(length, fs, options);
        var reference = new float[length];
        // The reference site's own EEG reaches every channel of an unreferenced recording.
        Brain(plan, timeline, drift, [ScalpMap.GenevaIndex("Cz")], ReferenceStream, [reference], neutral: true);

        var eeg = Enumerable.Range(0, DeapChannels.Eeg.Count).Select(_ => new float[length]).ToArray();
        int groups = eeg.Length / EegChannelSynthesizer.Lanes;
        Parallel.For(0, groups, g =>
        {
            var channels = Enumerable.Range(g * EegChannelSynthesizer.Lanes, EegChannelSynthesizer.Lanes).ToArray();
            Brain(plan, timeline, drift, channels, g, channels.Select(c => eeg[c]).ToArray(), neutral: false);
            foreach (int c in channels)
            {
                sources.AddTo(eeg[c], ScalpMap.Geneva[c], eogFraction: 1);
                TensorPrimitives.Add(eeg[c], reference, eeg[c]);
                Electrode(eeg[c], mains, SyntheticRandom.For(options.Seed, RandomStream.Session, plan.Subject, SessionKey, c), options);
            }
        });

        var channels = new List<RawChannel>();
        foreach (var label in DeapRawLayout.EegOrder(plan.Subject))
            channels.Add(new RawChannel(label, "uV", ActiveElectrode, eeg[ScalpMap.GenevaIndex(label)]));
        channels.AddRange(External(plan, sources, reference, mains));
        channels.AddRange(Sensors(plan, length));
        int offset = DeapRawLayout.HasStatusOffset(plan.Subject) ? StatusOffset : 0;
        return new RawSession(plan.Subject, fs, channels, timeline.Status(offset), DeapRawLayout.StatusLabel, source);
    }

    /// <summary>The ocular and muscle sources, trial by trial with each trial's fingerprint, and between trials with none.</summary>
    private static ArtefactSources Sources(SubjectPlan plan, SessionTimeline timeline)
    {
        var sources = new ArtefactSources(timeline.SampleCount, plan.Options.RawSampleRate);
        int gap = 0, now = 0;
        foreach (var window in timeline.Trials)
        {
            if (window.Start > now)
                sources.Generate(now, window.Start, plan.Options, plan.Profile, TrialFingerprint.None, GapKeyBase + gap++);
            sources.Generate(window.Start, window.End, plan.Options, plan.Profile, window.Trial.Fingerprint, TrialKeyBase + window.Trial.ExperimentId);
            now = window.End;
        }
        sources.Generate(now, timeline.SampleCount, plan.Options, plan.Profile, TrialFingerprint.None, GapKeyBase + gap);
        return sources;
    }

    /// <summary>
    /// The brain signal of <paramref name="channels"/> (at most eight) over the whole session, drawn from noise
    /// stream <paramref name="stream"/>: rest between trials, and in each trial its fingerprint with the emotion
    /// during the video (unless <paramref name="neutral"/>).
    /// </summary>
    private static void Brain(SubjectPlan plan, SessionTimeline timeline, DriftEnvelope drift, int[] channels, int stream,
        float[][] outputs, bool neutral)
    {
        var options = plan.Options;
        ChannelSpectrum[] Spectra(TrialFingerprint fingerprint, TrialPlan? emotion) => channels.Select(c =>
            ChannelSpectrum.For(options, plan.Profile, fingerprint, c,
                neutral ? null : emotion?.LatentValence, neutral ? null : emotion?.LatentArousal)).ToArray();
        var rest = Spectra(TrialFingerprint.None, null);
        var segments = new List<EegChannelSynthesizer.Segment>();
        int now = 0;
        foreach (var window in timeline.Trials)
        {
            var fingerprint = window.Trial.Fingerprint;
            segments.Add(new(now, window.Start - now, rest));
            segments.Add(new(window.Start, window.VideoStart - window.Start, Spectra(fingerprint, null)));
            segments.Add(new(window.VideoStart, window.VideoEnd - window.VideoStart, Spectra(fingerprint, window.Trial)));
            segments.Add(new(window.VideoEnd, window.End - window.VideoEnd, Spectra(fingerprint, null)));
            now = window.End;
        }
        segments.Add(new(now, timeline.SampleCount - now, rest));
        var synthesizer = new EegChannelSynthesizer(options.RawSampleRate, 0.1, 100, bandLimit: null);
        synthesizer.Run(outputs, segments, drift, SyntheticRandom.For(options.Seed, RandomStream.EegNoise, plan.Subject, SessionKey, stream));
    }

    /// <summary>What every electrode adds to what it picks up: a DC offset of up to ±25 mV, slow drift and mains.</summary>
    private static void Electrode(Span<float> signal, Mains mains, SyntheticRandom rng, SyntheticDeapOptions options)
    {
        double offset = rng.Uniform(-25_000, 25_000);
        for (int n = 0; n < signal.Length; n++) signal[n] += (float)offset;
        SlowDrift.Add(signal, options.RawSampleRate, 0.02, 20, rng);
        mains.AddTo(signal, options.MainsMicrovolts * Math.Exp(rng.Gaussian(0, 0.6)), rng.Gaussian(0, 0.3));
    }

    /// <summary>
    /// EXG1–EXG8, each one electrode of a bipolar pair: hEOG = EXG1 − EXG2, vEOG = EXG3 − EXG4, zEMG = EXG5 − EXG6,
    /// tEMG = EXG7 − EXG8. Each carries half its pair's signal with opposite signs, plus what every electrode carries.
    /// </summary>
    private static IEnumerable<RawChannel> External(SubjectPlan plan, ArtefactSources sources, float[] reference, Mains mains)
    {
        var options = plan.Options;
        float[][] pairs = [sources.Horizontal, sources.Vertical, sources.Zygomaticus, sources.Trapezius];
        for (int e = 0; e < DeapRawLayout.External.Count; e++)
        {
            var rng = SyntheticRandom.For(options.Seed, RandomStream.Session, plan.Subject, SessionKey, DeapChannels.Eeg.Count + e);
            var pair = pairs[e / 2];
            float half = e % 2 == 0 ? 0.5f : -0.5f;
            var signal = new float[reference.Length];
            // Skin and brain under the electrode: a few µV of broadband noise.
            SlowDrift.Add(signal, options.RawSampleRate, options.RawSampleRate / 4, 3, rng);
            for (int n = 0; n < signal.Length; n++) signal[n] += half * pair[n] + reference[n];
            Electrode(signal, mains, rng, options);
            yield return new RawChannel(DeapRawLayout.External[e], "uV", ActiveElectrode, signal);
        }
    }

    /// <summary>GSR1 in the site's unit, the unused GSR2, Erg1 and Erg2 (a little noise), respiration, plethysmograph and temperature.</summary>
    private static IEnumerable<RawChannel> Sensors(SubjectPlan plan, int length)
    {
        var options = plan.Options;
        var subject = plan.Profile;
        double fs = options.RawSampleRate;
        var rng = SyntheticRandom.For(options.Seed, RandomStream.Peripheral, plan.Subject, SessionKey);
        var gsr = new float[length];
        PeripheralSignals.SkinConductance(gsr, fs, subject.ConductanceMicrosiemens, rng);
        bool twente = DeapRawLayout.IsTwente(plan.Subject);
        // Twente recorded conductance in nS, Geneva resistance in Ω: Ω = 10⁹ / nS.
        foreach (ref float g in gsr.AsSpan()) g = twente ? 1000 * g : 1e6f / g;
        string gsrUnit = DeapRawLayout.GsrUnit(plan.Subject);
        yield return new RawChannel("GSR1", gsrUnit, "GSR", gsr);
        yield return Unused("GSR2", gsrUnit);
        yield return Unused("Erg1", "uV");
        yield return Unused("Erg2", "uV");
        var respiration = new float[length];
        PeripheralSignals.Respiration(respiration, fs, subject.BreathsPerMinute, rng);
        yield return new RawChannel("Resp", "AU", "Respiration belt", respiration);
        var plethysmograph = new float[length];
        PeripheralSignals.Plethysmograph(plethysmograph, fs, subject.HeartRateBpm, rng);
        yield return new RawChannel("Plet", "AU", "Plethysmograph", plethysmograph);
        var temperature = new float[length];
        PeripheralSignals.Temperature(temperature, fs, subject.SkinTemperatureC, rng);
        yield return new RawChannel("Temp", "degC", "Temperature sensor", temperature);

        RawChannel Unused(string label, string unit)
        {
            var noise = new float[length];
            SlowDrift.Add(noise, fs, fs / 4, 0.5, rng);
            return new RawChannel(label, unit, "Not connected", noise);
        }
    }

    /// <summary>The mains waveform of the session: the fundamental and its third harmonic (when below Nyquist), as sine and cosine.</summary>
    private sealed class Mains
    {
        private readonly float[]? _sin1, _cos1, _sin3, _cos3;

        public Mains(int length, double sampleRate, SyntheticDeapOptions options)
        {
            if (options.MainsFrequency == 0 || options.MainsMicrovolts == 0) return;
            _sin1 = new float[length]; _cos1 = new float[length]; _sin3 = new float[length]; _cos3 = new float[length];
            double w = 2 * Math.PI * options.MainsFrequency / sampleRate;
            bool harmonic = 3 * options.MainsFrequency < sampleRate / 2;
            for (int n = 0; n < length; n++)
            {
                (_sin1[n], _cos1[n]) = ((float)Math.Sin(w * n), (float)Math.Cos(w * n));
                if (harmonic) (_sin3[n], _cos3[n]) = ((float)Math.Sin(3 * w * n), (float)Math.Cos(3 * w * n));
            }
        }

        /// <summary>Adds mains of <paramref name="amplitude"/> µV and <paramref name="phase"/>, with a third harmonic of 15% of it.</summary>
        public void AddTo(Span<float> signal, double amplitude, double phase)
        {
            if (_sin1 is null) return;
            // a·sin(ωn + φ) = a·cos φ·sin ωn + a·sin φ·cos ωn
            float s1 = (float)(amplitude * Math.Cos(phase)), c1 = (float)(amplitude * Math.Sin(phase));
            float s3 = (float)(0.15 * amplitude * Math.Cos(3 * phase)), c3 = (float)(0.15 * amplitude * Math.Sin(3 * phase));
            for (int n = 0; n < signal.Length; n++)
                signal[n] += s1 * _sin1[n] + c1 * _cos1![n] + s3 * _sin3![n] + c3 * _cos3![n];
        }
    }
}
