using Valence.Eeg.Recordings;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// The raw session's protocol in samples: every marked screen (code, start, length) and each trial's window, in
/// presentation order. Start of recording, start screen, instructions, 2-minute baseline, a sync screen, then per
/// trial fixation → video → fixation → rating, with sync screens around a break after half the trials and after
/// the last trial, then the end screen.
/// </summary>
internal sealed class SessionTimeline
{
    private readonly List<Screen> _screens = [];
    private readonly List<TrialWindow> _trials = [];
    private readonly double _sampleRate;
    private int _now;

    private SessionTimeline(double sampleRate) => _sampleRate = sampleRate;

    /// <summary>A marked screen: the Status channel holds <see cref="Code"/> over samples [Start, Start + Length).</summary>
    public readonly record struct Screen(DeapStatusCode Code, int Start, int Length);

    /// <summary>A trial's samples: fixation from <see cref="Start"/>, the video over [VideoStart, VideoEnd), then the fixation after it and the rating until <see cref="End"/>.</summary>
    public readonly record struct TrialWindow(TrialPlan Trial, int Start, int VideoStart, int VideoEnd, int End);

    /// <summary>The marked screens in time order.</summary>
    public IReadOnlyList<Screen> Screens => _screens;

    /// <summary>The trials in presentation order.</summary>
    public IReadOnlyList<TrialWindow> Trials => _trials;

    /// <summary>Samples in the whole recording.</summary>
    public int SampleCount => _now;

    /// <summary>The first sample of the start-of-experiment screen: the origin of Start_time.</summary>
    public int ExperimentStart { get; private set; }

    /// <summary>When trial <paramref name="window"/>'s video started, in µs from the start of the experiment (Start_time).</summary>
    public long StartTimeMicroseconds(TrialWindow window) =>
        (long)Math.Round((window.VideoStart - ExperimentStart) / _sampleRate * 1e6);

    /// <summary>Lays out subject <paramref name="plan"/>'s session at <paramref name="sampleRate"/>; the rating screens' lengths are drawn from the subject's session stream.</summary>
    public static SessionTimeline Build(SubjectPlan plan, double sampleRate)
    {
        var options = plan.Options;
        var timings = options.Timings;
        var rng = SyntheticRandom.For(options.Seed, RandomStream.Session, plan.Subject);
        var timeline = new SessionTimeline(sampleRate);
        timeline.Add(DeapStatusCode.None, timings.LeadInSeconds);
        timeline.ExperimentStart = timeline._now;
        timeline.Add(DeapStatusCode.StartBaselineOrRating, timings.StartScreenSeconds);
        timeline.Add(DeapStatusCode.None, timings.InstructionSeconds);
        timeline.Add(DeapStatusCode.StartBaselineOrRating, timings.BaselineRecordingSeconds);
        timeline.Add(DeapStatusCode.VideoSync, timings.SyncScreenSeconds);
        var order = plan.PresentationOrder;
        for (int i = 0; i < order.Count; i++)
        {
            if (i == order.Count / 2)
            {
                timeline.Add(DeapStatusCode.VideoSync, timings.SyncScreenSeconds);
                timeline.Add(DeapStatusCode.None, timings.BreakSeconds);
                timeline.Add(DeapStatusCode.VideoSync, timings.SyncScreenSeconds);
            }
            int start = timeline._now;
            timeline.Add(DeapStatusCode.FixationBeforeVideo, timings.FixationSeconds);
            int videoStart = timeline._now;
            timeline.Add(DeapStatusCode.Video, options.TrialSeconds);
            int videoEnd = timeline._now;
            timeline.Add(DeapStatusCode.FixationAfterVideo, timings.PostFixationSeconds);
            timeline.Add(DeapStatusCode.StartBaselineOrRating, timings.RatingMinSeconds + rng.Uniform(0, timings.RatingExtraSeconds));
            timeline._trials.Add(new TrialWindow(order[i], start, videoStart, videoEnd, timeline._now));
        }
        timeline.Add(DeapStatusCode.VideoSync, timings.SyncScreenSeconds);
        timeline.Add(DeapStatusCode.End, timings.EndScreenSeconds);
        timeline.Add(DeapStatusCode.None, timings.LeadOutSeconds);
        return timeline;
    }

    /// <summary>The Status channel: each screen's code over its samples, 0 elsewhere, plus <paramref name="offset"/> everywhere.</summary>
    public int[] Status(int offset)
    {
        var status = new int[SampleCount];
        status.AsSpan().Fill(offset);
        foreach (var screen in _screens) status.AsSpan(screen.Start, screen.Length).Fill(offset + (int)screen.Code);
        return status;
    }

    private void Add(DeapStatusCode code, double seconds)
    {
        int length = (int)Math.Round(seconds * _sampleRate);
        if (code != DeapStatusCode.None && length > 0) _screens.Add(new Screen(code, _now, length));
        _now += length;
    }
}
