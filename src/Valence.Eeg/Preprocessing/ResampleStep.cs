using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Resamples every channel of every trial to <see cref="TargetSampleRate"/> with <see cref="PolyphaseResampler"/>
/// (SciPy's <c>resample_poly</c>); a step to the rate the data already has changes nothing. DEAP: 512 → 128 Hz.
/// </summary>
/// <remarks>
/// Trials are resampled one by one, each zero-padded at its ends as <c>resample_poly</c> does; DEAP resampled the
/// continuous recording before cutting trials, so the first and last ~10 samples of a trial can differ slightly from
/// theirs. The baseline keeps its length in seconds.
/// </remarks>
public sealed class ResampleStep : IPreprocessingStep
{
    /// <summary>The largest up or down factor accepted: beyond it the filter (20·max + 1 taps per phase) grows needlessly large.</summary>
    public const int MaxFactor = 1000;

    private readonly PolyphaseResampler? _resampler;
    private readonly int _maxDegreeOfParallelism;

    /// <summary>A step from <paramref name="input"/>'s rate to <paramref name="targetSampleRate"/>, whose ratio must reduce to up/down with both at most <see cref="MaxFactor"/>.</summary>
    /// <exception cref="InvalidSettingException">The rate is not positive and finite, or the ratio is not such a fraction.</exception>
    public ResampleStep(SignalDescription input, double targetSampleRate, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
        TargetSampleRate = targetSampleRate;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        string shown = FilterFrequencyCheck.Hz(targetSampleRate);
        if (FilterFrequencyCheck.SampleRateProblem(targetSampleRate) is string problem)
            throw new InvalidSettingException(nameof(targetSampleRate), shown, $"{problem} (valid: above 0 Hz)");
        (int up, int down) = Ratio(input.SampleRate, targetSampleRate)
            ?? throw new InvalidSettingException(nameof(targetSampleRate), shown,
                $"{shown} / {FilterFrequencyCheck.Hz(input.SampleRate)} is not a ratio up/down of whole numbers up to {MaxFactor}");
        if (up != down) _resampler = new PolyphaseResampler(up, down);
        Name = _resampler is null ? $"resample: already {shown}" : $"resample {FilterFrequencyCheck.Hz(input.SampleRate)} → {shown} (×{up}/{down}, polyphase Kaiser FIR)";
        Output = input with
        {
            SampleRate = _resampler is null ? input.SampleRate : targetSampleRate,
            SamplesPerTrial = input.SamplesPerTrial is int n && _resampler is not null ? _resampler.OutputLength(n) : input.SamplesPerTrial,
        };
    }

    /// <summary>The rate the step produces, in Hz.</summary>
    public double TargetSampleRate { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public SignalDescription Input { get; }

    /// <inheritdoc />
    public SignalDescription Output { get; }

    /// <inheritdoc />
    public SubjectRecording Apply(SubjectRecording recording)
    {
        Input.CheckMatches(recording, Name);
        if (_resampler is null) return recording;
        int inLength = recording.SamplesPerTrial, outLength = _resampler.OutputLength(inLength);
        int rows = recording.TrialCount * recording.ChannelCount;
        var samples = new float[(long)rows * outLength];
        var options = new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism };
        Parallel.For(0, rows, options, row =>
            _resampler.Resample(recording.Samples.Slice(row * inLength, inLength), samples.AsSpan(row * outLength, outLength)));
        return recording.Derive(this, samples);
    }

    /// <summary>target/source as up/down in lowest terms, the smallest down that fits (to 1e-9), or null.</summary>
    private static (int Up, int Down)? Ratio(double source, double target)
    {
        for (int down = 1; down <= MaxFactor; down++)
        {
            double up = Math.Round(target * down / source);
            if (up >= 1 && up <= MaxFactor && Math.Abs(up * source - target * down) <= 1e-9 * target * down) return ((int)up, down);
        }
        return null;
    }
}
