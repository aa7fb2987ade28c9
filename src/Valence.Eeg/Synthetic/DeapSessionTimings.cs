using System.Runtime.CompilerServices;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// Durations, in seconds, of the screens of DEAP's experiment as the raw session's Status channel marks them. The
/// defaults follow DEAP's protocol: a 2-minute baseline, then per trial a 5 s fixation (code 3), the video
/// (code 4, <see cref="SyntheticDeapOptions.TrialSeconds"/>), a 3 s fixation (code 5) and a self-paced rating screen
/// (code 1); 1 s video synchronisation screens (code 2) before the first trial, around the break after half the
/// trials, and after the last. Each property accepts 0–3600 s.
/// </summary>
public sealed record DeapSessionTimings
{
    /// <summary>Recording before the start-of-experiment marker (status 0).</summary>
    public double LeadInSeconds { get; init => field = InRange(value); } = 5;

    /// <summary>The start-of-experiment screen (code 1, its first occurrence).</summary>
    public double StartScreenSeconds { get; init => field = InRange(value); } = 2;

    /// <summary>Instructions between the start screen and the baseline (status 0).</summary>
    public double InstructionSeconds { get; init => field = InRange(value); } = 10;

    /// <summary>The baseline recording (code 1, its second occurrence; DEAP: 120 s).</summary>
    public double BaselineRecordingSeconds { get; init => field = InRange(value); } = 120;

    /// <summary>A video synchronisation screen (code 2; DEAP: 1 s).</summary>
    public double SyncScreenSeconds { get; init => field = InRange(value); } = 1;

    /// <summary>The fixation cross before each video (code 3; DEAP: 5 s). Its last seconds are the preprocessed baseline.</summary>
    public double FixationSeconds { get; init => field = InRange(value); } = 5;

    /// <summary>The fixation cross after each video (code 5; DEAP: 3 s).</summary>
    public double PostFixationSeconds { get; init => field = InRange(value); } = 3;

    /// <summary>The shortest rating screen (code 1, later occurrences).</summary>
    public double RatingMinSeconds { get; init => field = InRange(value); } = 8;

    /// <summary>The most a rating screen lasts beyond <see cref="RatingMinSeconds"/>; each trial's is drawn uniformly up to it.</summary>
    public double RatingExtraSeconds { get; init => field = InRange(value); } = 12;

    /// <summary>The break after half the trials (status 0).</summary>
    public double BreakSeconds { get; init => field = InRange(value); } = 90;

    /// <summary>The end-of-experiment screen (code 7).</summary>
    public double EndScreenSeconds { get; init => field = InRange(value); } = 1;

    /// <summary>Recording after the end screen (status 0).</summary>
    public double LeadOutSeconds { get; init => field = InRange(value); } = 5;

    private static double InRange(double value, [CallerMemberName] string name = "") =>
        value >= 0 && value <= 3600 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{nameof(DeapSessionTimings)}.{name} must be between 0 and 3600 seconds.");
}
