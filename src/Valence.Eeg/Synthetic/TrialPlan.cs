using Valence.Eeg.Recordings;

namespace Valence.Eeg.Synthetic;

/// <summary>One trial of one subject: which video, when it was shown, the emotion it evoked and how it was rated.</summary>
/// <param name="ExperimentId">The video, 1-based; the trial's index in the preprocessed files.</param>
/// <param name="PresentationTrial">The position in the presentation order, 1-based.</param>
/// <param name="LatentValence">The valence the EEG shows, v* (1–9).</param>
/// <param name="LatentArousal">The arousal the EEG shows, a* (1–9).</param>
/// <param name="Ratings">What the subject reported.</param>
/// <param name="Familiarity">Familiarity rating 1–5; null where DEAP lacks it.</param>
internal sealed record TrialPlan(int ExperimentId, int PresentationTrial, double LatentValence, double LatentArousal,
    Ratings Ratings, int? Familiarity, TrialFingerprint Fingerprint);
