namespace Valence.Emotion.Experiments;

/// <summary>Which windows <see cref="ModelEvaluation"/> scores a saved model on.</summary>
public enum EvaluationScope
{
    /// <summary>The test windows of the split the model was trained under (the same data needed).</summary>
    Test,

    /// <summary>Every window of the data given (honest only on data the model never trained on).</summary>
    All,
}
