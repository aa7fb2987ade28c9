using Valence.Eeg.Recordings;

namespace Valence.Eeg.Datasets;

/// <summary>A recording from <see cref="PreprocessedCache"/>, with what the cache did to get it.</summary>
/// <param name="Recording">The preprocessed recording.</param>
/// <param name="Outcome">Read from the cache, created, or rebuilt over a bad entry.</param>
/// <param name="Key">The entry's key (a lower-case hex SHA-256).</param>
/// <param name="RebuildReason">Why the old entry was refused, for <see cref="CacheOutcome.Rebuilt"/>; otherwise null.</param>
public sealed record CachedRecording(SubjectRecording Recording, CacheOutcome Outcome, string Key, string? RebuildReason);
