using Valence.Eeg.Datasets;

namespace Valence.Emotion.Experiments;

/// <summary>One subject preprocessed into the cache.</summary>
/// <param name="Subject">Participant number.</param>
/// <param name="Cache">Whether the entry was read, created or rebuilt.</param>
/// <param name="Trials">Trials after preprocessing.</param>
/// <param name="Channels">Channels after preprocessing.</param>
/// <param name="SamplesPerTrial">Samples per trial after preprocessing.</param>
/// <param name="SampleRate">Sample rate after preprocessing, in Hz.</param>
public sealed record PreparedSubject(int Subject, CacheOutcome Cache, int Trials, int Channels, int SamplesPerTrial, double SampleRate);
