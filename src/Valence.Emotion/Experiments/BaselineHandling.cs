namespace Valence.Emotion.Experiments;

/// <summary>What an experiment does with each trial's pre-trial baseline (DEAP: 3 s).</summary>
public enum BaselineHandling
{
    /// <summary>Subtract the baseline's mean per trial and channel, then drop the baseline (default).</summary>
    RemoveMean,

    /// <summary>TorchEEG's: subtract the baseline's average 1 s chunk from every 1 s chunk of the trial, then drop the baseline.</summary>
    RemoveChunkTemplate,

    /// <summary>Leave the baseline as it is; windows skip it unless they are told to include it.</summary>
    Keep,
}
