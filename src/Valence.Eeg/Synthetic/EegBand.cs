namespace Valence.Eeg.Synthetic;

/// <summary>The four rhythms the generator adds to the aperiodic background, in the order they are stored.</summary>
internal enum EegBand
{
    /// <summary>4–8 Hz, frontal midline.</summary>
    Theta,
    /// <summary>8–13 Hz around the subject's individual alpha frequency, occipital and parietal.</summary>
    Alpha,
    /// <summary>13–30 Hz, central.</summary>
    Beta,
    /// <summary>30–45 Hz.</summary>
    Gamma,
}
