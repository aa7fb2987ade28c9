namespace Valence.Eeg.Datasets;

/// <summary>Where min-max scaling takes the bounds it maps onto the output range.</summary>
public enum MinMaxBounds
{
    /// <summary>The smallest and largest training sample: one blink or electrode pop can squash the rest of the channel into a narrow band.</summary>
    Extremes,

    /// <summary>Percentiles of the training samples (for example the 1st and 99th): robust to rare spikes.</summary>
    Percentiles,
}
