namespace Valence.Eeg.Datasets;

/// <summary>Which side a rating exactly equal to the threshold falls on.</summary>
public enum ThresholdTie
{
    /// <summary>A rating equal to the threshold is high (rating ≥ threshold), as TorchEEG does.</summary>
    EqualIsHigh,

    /// <summary>A rating equal to the threshold is low (high means rating &gt; threshold, strictly).</summary>
    EqualIsLow,
}
