namespace Valence.Emotion.Evaluation;

/// <summary>The test predictions of one fold: per test window its true class, the predicted class and its subject.</summary>
public sealed record FoldPredictions
{
    /// <summary>Checks that the arrays pair up one to one.</summary>
    /// <param name="fold">0-based fold.</param>
    /// <param name="truth">True class of each test window.</param>
    /// <param name="predicted">Predicted class of each test window.</param>
    /// <param name="subjects">Participant number of each test window (1-based), or null when unknown.</param>
    /// <exception cref="ArgumentException">The arrays differ in length or are empty.</exception>
    public FoldPredictions(int fold, int[] truth, int[] predicted, int[]? subjects = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fold);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Length == 0) throw new ArgumentException($"fold {fold} has no test windows; there is nothing to evaluate.", nameof(truth));
        if (predicted.Length != truth.Length)
            throw new ArgumentException($"fold {fold}: {truth.Length} true labels but {predicted.Length} predictions; they must pair up.", nameof(predicted));
        if (subjects is not null && subjects.Length != truth.Length)
            throw new ArgumentException($"fold {fold}: {truth.Length} true labels but {subjects.Length} subjects; they must pair up.", nameof(subjects));
        Fold = fold;
        Truth = truth;
        Predicted = predicted;
        Subjects = subjects;
    }

    /// <summary>0-based fold.</summary>
    public int Fold { get; }

    /// <summary>True class of each test window.</summary>
    public int[] Truth { get; }

    /// <summary>Predicted class of each test window.</summary>
    public int[] Predicted { get; }

    /// <summary>Participant number of each test window, or null when unknown.</summary>
    public int[]? Subjects { get; }
}
