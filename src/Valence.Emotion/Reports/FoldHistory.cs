namespace Valence.Emotion.Reports;

/// <summary>The epochs one fold trained for, in order.</summary>
/// <param name="Fold">0-based fold.</param>
/// <param name="Epochs">One record per epoch.</param>
public sealed record FoldHistory(int Fold, IReadOnlyList<EpochRecord> Epochs)
{
    /// <summary>One record per epoch.</summary>
    public IReadOnlyList<EpochRecord> Epochs { get; } = Epochs ?? throw new ArgumentNullException(nameof(Epochs));
}
