namespace Valence.Eeg.Datasets;

/// <summary>The interval min-max scaling maps onto.</summary>
public enum OutputRange
{
    /// <summary>[0, 1], as the paper: every input is positive, off-centre.</summary>
    ZeroToOne,

    /// <summary>[−1, 1]: centred, the range of tanh.</summary>
    MinusOneToOne,

    /// <summary>[−0.5, 0.5]: the paper's [0, 1] minus 0.5.</summary>
    Centred,
}
