using System.Numerics.Tensors;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// Writes one trial of one subject in the state of DEAP's preprocessed files: 32 EEG channels (Geneva order) band-
/// limited to 4–45 Hz, with part of the ocular signal left in, re-referenced to their common average; then the
/// 8 peripheral channels, which DEAP only down-sampled. The first <see cref="SyntheticDeapOptions.BaselineSeconds"/>
/// are the pre-trial fixation (no emotion in the EEG), the rest the video.
/// </summary>
internal sealed class PreprocessedTrialSynthesizer
{
    private readonly SubjectPlan _plan;
    private readonly SyntheticDeapOptions _options;
    private readonly int _warmUp, _samples, _baselineEnd;
    private readonly BandLimit _bandLimit;
    private readonly EegChannelSynthesizer _eeg;
    private readonly float[][] _group;

    public PreprocessedTrialSynthesizer(SubjectPlan plan)
    {
        _plan = plan;
        _options = plan.Options;
        // A second of signal before the trial lets every filter settle; it is thrown away.
        _warmUp = (int)_options.SampleRate;
        _samples = _options.SamplesPerTrial;
        _baselineEnd = _warmUp + (int)Math.Round(_options.BaselineSeconds * _options.SampleRate);
        _bandLimit = BandLimit.Deap(_options.SampleRate);
        _eeg = new EegChannelSynthesizer(_options.SampleRate, 1, 48, _bandLimit);
        _group = Enumerable.Range(0, EegChannelSynthesizer.Lanes).Select(_ => new float[_warmUp + _samples]).ToArray();
    }

    /// <summary>Writes <paramref name="trial"/>'s 40 channels × <see cref="SyntheticDeapOptions.SamplesPerTrial"/> samples, channel-major.</summary>
    public void Write(TrialPlan trial, Span<float> destination)
    {
        double fs = _options.SampleRate;
        int length = _warmUp + _samples;
        var subject = _plan.Profile;
        var sources = new ArtefactSources(length, fs);
        sources.Generate(0, length, _options, subject, trial.Fingerprint, trial.ExperimentId);
        var drift = new DriftEnvelope(length, (int)(fs / 4));
        drift.Apply(trial.Fingerprint, 0, length, fs);
        // The EOG channels were not band-passed; what reaches the EEG was, and the filter is linear, so the
        // sources are band-limited once here rather than once per channel.
        WritePeripherals(trial, sources, destination);
        sources.BandLimit(_bandLimit);

        for (int first = 0; first < DeapChannels.Eeg.Count; first += EegChannelSynthesizer.Lanes)
        {
            var channels = Enumerable.Range(first, EegChannelSynthesizer.Lanes).ToArray();
            var rng = SyntheticRandom.For(_options.Seed, RandomStream.EegNoise, subject.Subject, trial.ExperimentId, first);
            EegChannelSynthesizer.Segment[] segments =
            [
                new(0, _baselineEnd, channels.Select(c => ChannelSpectrum.For(_options, subject, trial.Fingerprint, c, null, null)).ToArray()),
                new(_baselineEnd, length - _baselineEnd, channels.Select(c =>
                    ChannelSpectrum.For(_options, subject, trial.Fingerprint, c, trial.LatentValence, trial.LatentArousal)).ToArray()),
            ];
            _eeg.Run(_group, segments, drift, rng);
            foreach (int c in channels)
            {
                var row = _group[c - first];
                sources.AddTo(row, ScalpMap.Geneva[c], _options.EogResidual);
                row.AsSpan(_warmUp).CopyTo(Row(destination, c));
            }
        }
        CommonAverageReference(destination[..(DeapChannels.Eeg.Count * _samples)]);
    }

    private Span<float> Row(Span<float> destination, int channel) => destination.Slice(channel * _samples, _samples);

    private void CommonAverageReference(Span<float> eeg)
    {
        int channels = eeg.Length / _samples;
        Span<float> mean = new float[_samples];
        for (int c = 0; c < channels; c++) TensorPrimitives.Add(mean, eeg.Slice(c * _samples, _samples), mean);
        TensorPrimitives.Multiply(mean, 1f / channels, mean);
        for (int c = 0; c < channels; c++)
        {
            var row = eeg.Slice(c * _samples, _samples);
            TensorPrimitives.Subtract(row, mean, row);
        }
    }

    private void WritePeripherals(TrialPlan trial, ArtefactSources sources, Span<float> destination)
    {
        double fs = _options.SampleRate;
        var subject = _plan.Profile;
        var rng = SyntheticRandom.For(_options.Seed, RandomStream.Peripheral, subject.Subject, trial.ExperimentId);
        int first = DeapChannels.Eeg.Count;
        var hEog = Row(destination, first);
        var vEog = Row(destination, first + 1);
        sources.Horizontal.AsSpan(_warmUp).CopyTo(hEog);
        sources.Vertical.AsSpan(_warmUp).CopyTo(vEog);
        // The EOG electrodes' own potentials wander; a bipolar pair cancels only part of it.
        SlowDrift.Add(hEog, fs, 0.05, 40, rng);
        SlowDrift.Add(vEog, fs, 0.05, 40, rng);
        var zEmg = Row(destination, first + 2);
        var tEmg = Row(destination, first + 3);
        sources.Zygomaticus.AsSpan(_warmUp).CopyTo(zEmg);
        sources.Trapezius.AsSpan(_warmUp).CopyTo(tEmg);
        SlowDrift.Add(zEmg, fs, fs / 4, 2, rng);
        SlowDrift.Add(tEmg, fs, fs / 4, 2, rng);
        // DEAP's preprocessed GSR is in Geneva's unit, ohms: 10⁶ / conductance in µS.
        var gsr = Row(destination, first + 4);
        PeripheralSignals.SkinConductance(gsr, fs, subject.ConductanceMicrosiemens, rng);
        foreach (ref float g in gsr) g = 1e6f / g;
        PeripheralSignals.Respiration(Row(destination, first + 5), fs, subject.BreathsPerMinute, rng);
        PeripheralSignals.Plethysmograph(Row(destination, first + 6), fs, subject.HeartRateBpm, rng);
        PeripheralSignals.Temperature(Row(destination, first + 7), fs, subject.SkinTemperatureC, rng);
    }
}
