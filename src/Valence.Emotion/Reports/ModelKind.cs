namespace Valence.Emotion.Reports;

/// <summary>What kind of model a run trained, so that comparisons can set deep models beside the baseline.</summary>
public enum ModelKind
{
    /// <summary>A neural network trained by epochs (cnn-lstm, cnn-gru, tcn, …).</summary>
    Deep,

    /// <summary>A reference model (the band-power baseline) that deep models should beat.</summary>
    Baseline,
}
