using System.Runtime.Intrinsics;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// The non-brain sources that reach the electrodes over one recording span: the eyes (vertical and horizontal
/// EOG, µV) and the muscles (three over the scalp, plus zygomaticus and trapezius for the EMG channels).
/// </summary>
internal sealed class ArtefactSources
{
    private static readonly ScalpMuscle[] Muscles = Enum.GetValues<ScalpMuscle>();

    /// <summary>Silent sources of <paramref name="length"/> samples at <paramref name="sampleRate"/>.</summary>
    public ArtefactSources(int length, double sampleRate)
    {
        SampleRate = sampleRate;
        Vertical = new float[length];
        Horizontal = new float[length];
        Scalp = Muscles.Select(_ => new float[length]).ToArray();
        Zygomaticus = new float[length];
        Trapezius = new float[length];
    }

    public double SampleRate { get; }
    /// <summary>vEOG: blinks and vertical gaze.</summary>
    public float[] Vertical { get; }
    /// <summary>hEOG: horizontal gaze.</summary>
    public float[] Horizontal { get; }
    /// <summary>One signal per <see cref="ScalpMuscle"/>, in its order.</summary>
    public float[][] Scalp { get; }
    public float[] Zygomaticus { get; }
    public float[] Trapezius { get; }

    /// <summary>
    /// Writes samples [<paramref name="start"/>, <paramref name="end"/>) with the subject's habits as the trial's
    /// fingerprint modulates them; <paramref name="key"/> names the span's random streams.
    /// </summary>
    public void Generate(int start, int end, SyntheticDeapOptions options, SubjectProfile subject, TrialFingerprint fingerprint, int key)
    {
        var eyes = SyntheticRandom.For(options.Seed, RandomStream.Eyes, subject.Subject, key);
        var habits = new EyeMovements.Habits(subject.BlinksPerMinute * fingerprint.BlinkRateFactor, subject.BlinkMicrovolts,
            subject.SaccadesPerSecond, subject.GazeRangeDegrees, subject.EogMicrovoltsPerDegree);
        EyeMovements.Generate(Vertical.AsSpan(start..end), Horizontal.AsSpan(start..end), SampleRate, habits, eyes);

        var muscle = SyntheticRandom.For(options.Seed, RandomStream.Muscle, subject.Subject, key);
        double rate = subject.MuscleBurstsPerMinute * fingerprint.MuscleRateFactor;
        foreach (var source in Scalp)
            MuscleBursts.Add(source.AsSpan(start..end), SampleRate, rate, subject.MuscleMicrovolts, muscle);
        MuscleBursts.Add(Zygomaticus.AsSpan(start..end), SampleRate, rate, 2 * subject.MuscleMicrovolts, muscle);
        MuscleBursts.Add(Trapezius.AsSpan(start..end), SampleRate, rate, 2 * subject.MuscleMicrovolts, muscle);
    }

    /// <summary>Band-limits the sources that reach the scalp (eyes and scalp muscles) in place.</summary>
    public void BandLimit(BandLimit filter)
    {
        filter.Run(Vertical);
        filter.Run(Horizontal);
        foreach (var source in Scalp) filter.Run(source);
    }

    /// <summary>
    /// Adds to an EEG electrode at <paramref name="position"/> what reaches it: <paramref name="eogFraction"/> of the
    /// ocular signals as weighted by <see cref="ScalpMap"/>, and the scalp muscles.
    /// </summary>
    public void AddTo(Span<float> eeg, (double X, double Y) position, double eogFraction)
    {
        var weights = new[]
        {
            (float)(eogFraction * ScalpMap.VerticalEogWeight(position)),
            (float)(eogFraction * ScalpMap.HorizontalEogWeight(position)),
            (float)ScalpMap.MuscleWeight(Muscles[0], position),
            (float)ScalpMap.MuscleWeight(Muscles[1], position),
            (float)ScalpMap.MuscleWeight(Muscles[2], position),
        };
        float[][] sources = [Vertical, Horizontal, Scalp[0], Scalp[1], Scalp[2]];
        var (w0, w1, w2, w3, w4) = (Vector256.Create(weights[0]), Vector256.Create(weights[1]), Vector256.Create(weights[2]),
            Vector256.Create(weights[3]), Vector256.Create(weights[4]));
        int n = 0;
        // Eight samples at a time, multiplies and adds kept separate: the same bits on every machine.
        for (; n + 8 <= eeg.Length; n += 8)
        {
            var sum = Vector256.Create<float>(eeg[n..])
                + w0 * Vector256.Create<float>(Vertical.AsSpan(n)) + w1 * Vector256.Create<float>(Horizontal.AsSpan(n))
                + w2 * Vector256.Create<float>(Scalp[0].AsSpan(n)) + w3 * Vector256.Create<float>(Scalp[1].AsSpan(n))
                + w4 * Vector256.Create<float>(Scalp[2].AsSpan(n));
            sum.CopyTo(eeg[n..]);
        }
        for (; n < eeg.Length; n++)
            for (int s = 0; s < sources.Length; s++) eeg[n] += weights[s] * sources[s][n];
    }
}
