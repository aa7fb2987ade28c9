namespace Valence.Eeg.Preprocessing;

/// <summary>What <see cref="BaselineRemovalStep"/> subtracts.</summary>
public enum BaselineRemovalMode
{
    /// <summary>Per trial and channel, the mean of the baseline segment: one number subtracted from every sample.</summary>
    TrialMean,

    /// <summary>
    /// TorchEEG's DEAP baseline: the baseline is cut into chunks of the chunk length, the chunks are averaged sample by
    /// sample into one chunk-long template per channel, and the template is subtracted sample by sample from every
    /// chunk of the trial (sample t after the baseline loses template[t mod chunk]).
    /// </summary>
    ChunkTemplate,
}
