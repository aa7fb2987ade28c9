namespace Valence.Eeg.Datasets;

/// <summary>What a label says about a trial's ratings.</summary>
public enum LabelTarget
{
    /// <summary>Four classes from valence and arousal: 0 LVLA, 1 LVHA, 2 HVLA, 3 HVHA (class = 2·V + A, TorchEEG's order).</summary>
    Quadrant,

    /// <summary>Two classes from valence: 0 LV (low), 1 HV (high).</summary>
    Valence,

    /// <summary>Two classes from arousal: 0 LA (low), 1 HA (high).</summary>
    Arousal,
}
