namespace Valence.Eeg.Datasets;

/// <summary>What <see cref="PreprocessedCache.GetOrCreate"/> did.</summary>
public enum CacheOutcome
{
    /// <summary>A valid entry was found and read; nothing was rebuilt.</summary>
    Hit,

    /// <summary>There was no entry: the recording was built and stored.</summary>
    Created,

    /// <summary>An entry was there but corrupt or partial: the recording was built again and the entry replaced.</summary>
    Rebuilt,
}
