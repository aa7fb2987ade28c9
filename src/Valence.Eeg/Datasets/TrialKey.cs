namespace Valence.Eeg.Datasets;

/// <summary>Names one trial across subjects: the participant and the trial's index in that participant's recording.</summary>
/// <param name="Subject">Participant number (1-based, as in DEAP's file names).</param>
/// <param name="Trial">0-based trial index within the participant's recording (DEAP: video order).</param>
public readonly record struct TrialKey(int Subject, int Trial) : IComparable<TrialKey>
{
    /// <summary>Orders by subject, then trial.</summary>
    public int CompareTo(TrialKey other) =>
        Subject != other.Subject ? Subject.CompareTo(other.Subject) : Trial.CompareTo(other.Trial);

    /// <summary>"s01/t07": subject 1, trial 7.</summary>
    public override string ToString() => $"s{Subject:00}/t{Trial:00}";
}
