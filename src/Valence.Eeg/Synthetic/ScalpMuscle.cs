namespace Valence.Eeg.Synthetic;

/// <summary>The muscles whose bursts reach the scalp electrodes.</summary>
internal enum ScalpMuscle
{
    /// <summary>Jaw clenching, left: T7, FC5, F7, CP5.</summary>
    LeftTemporalis,
    /// <summary>Jaw clenching, right: T8, FC6, F8, CP6.</summary>
    RightTemporalis,
    /// <summary>Raised eyebrows and frowns: Fp1, Fp2, AF3, AF4.</summary>
    Frontalis,
}
