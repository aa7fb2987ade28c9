using Valence.Eeg.Datasets;
using Valence.Eeg.Recordings;
using Valence.Eeg.Tests.Datasets;

namespace Valence.Eeg.Tests.Protocols;

/// <summary>Small labelled window sets for protocol tests: short trials, unbalanced classes.</summary>
internal static class ProtocolData
{
    /// <summary>Subjects 1..<paramref name="subjects"/> (given out of order), <paramref name="trials"/> trials each of 5 s after a 1 s baseline; 2 s windows, 1 s stride (4 per trial). Classes 40/30/20/10%.</summary>
    public static (WindowSet Windows, TrialLabels Labels) Make(int subjects = 4, int trials = 20)
    {
        var recordings = Enumerable.Range(1, subjects).Reverse().Select(s =>
            TestRecordings.Make(s, [.. Enumerable.Range(0, trials).Select(t => TestRecordings.QuadrantRatings(Unbalanced(s, t)))],
                channels: 2, trialSeconds: 5, baselineSeconds: 1));
        var set = new TrialSet(recordings);
        return (new WindowSet(set, WindowSettings.Paper), new TrialLabels(set, LabelScheme.Quadrants));
    }

    /// <summary>Class of a trial: 0 for 40% of a subject's trials, 1 for 30%, 2 for 20%, 3 for 10%, shuffled by subject.</summary>
    private static int Unbalanced(int subject, int trial)
    {
        int k = (trial * 7 + subject * 3) % 10;
        return k < 4 ? 0 : k < 7 ? 1 : k < 9 ? 2 : 3;
    }
}
