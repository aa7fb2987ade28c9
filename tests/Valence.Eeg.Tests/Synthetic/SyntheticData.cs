using Valence.Eeg.Recordings;
using Valence.Eeg.Synthetic;

namespace Valence.Eeg.Tests.Synthetic;

/// <summary>
/// Synthetic subjects shared by the tests of one collection: the default model with 20 s videos (so the tests run
/// in seconds), generated once on first use.
/// </summary>
public sealed class SyntheticData
{
    private readonly Lazy<SubjectRecording>[] _subjects;

    public SyntheticData()
    {
        Generator = new SyntheticDeapGenerator(Options);
        _subjects = Enumerable.Range(1, 3).Select(s => new Lazy<SubjectRecording>(() => Generator.GenerateSubject(s))).ToArray();
    }

    /// <summary>The default model with short videos.</summary>
    public static SyntheticDeapOptions Options { get; } = new() { TrialSeconds = 20, SubjectCount = 32 };

    public SyntheticDeapGenerator Generator { get; }

    /// <summary>Subjects 1–3.</summary>
    public IEnumerable<SubjectRecording> Subjects => _subjects.Select(s => s.Value);

    /// <summary>Subject <paramref name="subject"/> (1–3).</summary>
    public SubjectRecording Subject(int subject) => _subjects[subject - 1].Value;

    /// <summary>The samples of one channel of one trial after the baseline.</summary>
    public static ReadOnlySpan<float> Video(SubjectRecording r, int trial, string channel) =>
        r.Channel(trial, r.ChannelIndex(channel))[(int)(r.BaselineSeconds * r.SampleRate)..];

    /// <summary>Band power (dB) of one channel over one trial's video, Welch with 2 s segments.</summary>
    public static double BandDb(SubjectRecording r, int trial, string channel, double lowHz, double highHz) =>
        Welch.BandDb(Welch.Psd(Video(r, trial, channel), r.SampleRate, 256), r.SampleRate, lowHz, highHz);
}

[CollectionDefinition(Name)]
public sealed class SyntheticDataCollection : ICollectionFixture<SyntheticData>
{
    public const string Name = "synthetic data";
}
