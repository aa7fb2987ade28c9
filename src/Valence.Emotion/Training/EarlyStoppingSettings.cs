namespace Valence.Emotion.Training;

/// <summary>
/// Early stopping on the validation loss: training stops once the loss has not improved by more than
/// <see cref="MinimumDelta"/> for <see cref="Patience"/> epochs in a row, and the model returned has the weights of
/// the best epoch.
/// </summary>
/// <remarks>
/// Unlike Keras, which restores the best weights only when it actually stops early, the best weights are restored
/// also when the run reaches its last epoch, so the returned model is always the best one seen.
/// </remarks>
public sealed record EarlyStoppingSettings
{
    /// <summary>Creates and validates the settings.</summary>
    /// <param name="patience">Epochs without improvement before stopping, at least 1.</param>
    /// <param name="minimumDelta">How much the loss must fall to count as an improvement, at least 0.</param>
    /// <param name="restoreBestWeights">Whether the returned model gets the best epoch's weights (default true).</param>
    public EarlyStoppingSettings(int patience, double minimumDelta = 0, bool restoreBestWeights = true)
    {
        if (patience < 1)
            throw new ArgumentOutOfRangeException(nameof(patience), patience, $"Early stopping patience is a number of epochs and must be at least 1; got {patience}.");
        if (!double.IsFinite(minimumDelta) || minimumDelta < 0)
            throw new ArgumentOutOfRangeException(nameof(minimumDelta), minimumDelta, $"Early stopping minimumDelta must be finite and at least 0; got {minimumDelta}.");
        Patience = patience;
        MinimumDelta = minimumDelta;
        RestoreBestWeights = restoreBestWeights;
    }

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>How much the validation loss must fall to count as an improvement.</summary>
    public double MinimumDelta { get; }

    /// <summary>Whether the returned model gets the best epoch's weights.</summary>
    public bool RestoreBestWeights { get; }
}
