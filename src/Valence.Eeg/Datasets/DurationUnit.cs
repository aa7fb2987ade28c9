namespace Valence.Eeg.Datasets;

/// <summary>The unit a <see cref="SignalDuration"/> was given in.</summary>
public enum DurationUnit
{
    /// <summary>Seconds: converted to samples with the data's sample rate.</summary>
    Seconds,

    /// <summary>A whole number of samples, whatever the sample rate.</summary>
    Samples,
}
