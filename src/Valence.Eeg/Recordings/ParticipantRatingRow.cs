namespace Valence.Eeg.Recordings;

/// <summary>One row of DEAP's participant_ratings.csv: one participant's ratings of one trial.</summary>
/// <param name="ParticipantId">Participant_id, 1–32.</param>
/// <param name="Trial">Trial: the position in the presentation order, 1-based.</param>
/// <param name="ExperimentId">Experiment_id: the video, 1-based; also the trial's index in the preprocessed files.</param>
/// <param name="StartTimeMicroseconds">Start_time: when the video started, in µs from the start of the experiment.</param>
/// <param name="Familiarity">Familiarity, an integer 1–5; null where DEAP lacks it (participants 2, 15 and 23).</param>
public sealed record ParticipantRatingRow(int ParticipantId, int Trial, int ExperimentId, long StartTimeMicroseconds,
    float Valence, float Arousal, float Dominance, float Liking, int? Familiarity)
{
    /// <summary>The CSV header line, as in DEAP's file.</summary>
    public const string CsvHeader = "Participant_id,Trial,Experiment_id,Start_time,Valence,Arousal,Dominance,Liking,Familiarity";
}
