namespace Valence.Eeg.Datasets;

/// <summary>What a <see cref="Normalizer"/> does to each channel.</summary>
public enum NormalizationMethod
{
    /// <summary>Nothing: the samples pass through unchanged.</summary>
    None,

    /// <summary>z = (x − mean) / standard deviation.</summary>
    ZScore,

    /// <summary>z-score, then map [lower, upper] of the z values linearly onto the output range (the paper's order).</summary>
    ZScoreThenMinMax,
}
