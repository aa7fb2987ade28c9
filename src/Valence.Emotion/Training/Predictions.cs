namespace Valence.Emotion.Training;

/// <summary>A model's outputs for a list of windows: the logits and the predicted class (their argmax) of each.</summary>
public sealed class Predictions
{
    private readonly float[] _logits;
    private readonly int[] _classes;

    internal Predictions(float[] logits, int[] classes, int classCount)
    {
        _logits = logits;
        _classes = classes;
        ClassCount = classCount;
    }

    /// <summary>Windows predicted, in the order they were asked for.</summary>
    public int Count => _classes.Length;

    /// <summary>Classes per window, the width of each row of logits.</summary>
    public int ClassCount { get; }

    /// <summary>All logits, [Count, ClassCount] row-major; a softmax of a row gives the class probabilities.</summary>
    public ReadOnlySpan<float> Logits => _logits;

    /// <summary>The predicted class of each window: the index of its largest logit (the first of equal ones).</summary>
    public ReadOnlySpan<int> Classes => _classes;

    /// <summary>The logits of window <paramref name="i"/> (the i-th index asked for).</summary>
    public ReadOnlySpan<float> LogitsOf(int i) => _logits.AsSpan(i * ClassCount, ClassCount);
}
