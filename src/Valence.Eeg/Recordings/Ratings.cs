namespace Valence.Eeg.Recordings;

/// <summary>A participant's self-assessment of one trial, each on DEAP's continuous 1–9 scale.</summary>
/// <param name="Valence">Unpleasant (1) to pleasant (9).</param>
/// <param name="Arousal">Calm (1) to excited (9).</param>
/// <param name="Dominance">Controlled (1) to in control (9).</param>
/// <param name="Liking">Dislike (1) to like (9).</param>
public readonly record struct Ratings(float Valence, float Arousal, float Dominance, float Liking);
