using Valence.Eeg.Recordings;

namespace Valence.Eeg.Formats.Deap;

/// <summary>One row of DEAP's participant_ratings.csv: a participant's ratings of one trial.</summary>
/// <param name="ParticipantId">Participant number, 1–32 in DEAP.</param>
/// <param name="Trial">Position of the trial in the presentation order (1-based).</param>
/// <param name="ExperimentId">The video shown (1-based): the order of trials in DEAP's preprocessed files.</param>
/// <param name="StartTimeMicroseconds">When the trial started, in microseconds (DEAP's Start_time column).</param>
/// <param name="Ratings">Valence, arousal, dominance and liking on the 1–9 scale.</param>
/// <param name="Familiarity">Familiarity with the music, 1–5, or null where DEAP left it empty (participants 2, 15 and 23).</param>
/// <param name="Line">The line of the file the row came from (1-based, the header being line 1), for error messages.</param>
public sealed record DeapRatingsRow(int ParticipantId, int Trial, int ExperimentId, long StartTimeMicroseconds,
    Ratings Ratings, float? Familiarity, int Line);
