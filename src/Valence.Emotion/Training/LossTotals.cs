using Valence.Nn.Tensors;

namespace Valence.Emotion.Training;

/// <summary>
/// Sums of a pass over windows, batch by batch: the loss as one mean over all windows (weighted by class weights as
/// the loss is) and the plain accuracy of the logits' argmax.
/// </summary>
internal struct LossTotals
{
    private double _weightedLoss, _weight;
    private int _correct, _count;

    /// <summary>Adds a batch whose mean loss was <paramref name="batchLoss"/>.</summary>
    public void Add(double batchLoss, Tensor logits, ReadOnlySpan<int> labels, ReadOnlySpan<float> classWeights)
    {
        // The loss is Σ w_y·ℓ / Σ w_y per batch, so Σ w_y·ℓ over all windows is batchLoss·Σ w_y.
        double weight = 0;
        foreach (int label in labels) weight += classWeights.IsEmpty ? 1 : classWeights[label];
        _weightedLoss += batchLoss * weight;
        _weight += weight;
        int classes = logits.Shape[1];
        var z = logits.ReadOnlySpan;
        for (int i = 0; i < labels.Length; i++)
            if (ArgMax(z.Slice(i * classes, classes)) == labels[i]) _correct++;
        _count += labels.Length;
    }

    /// <summary>The mean loss over every window added.</summary>
    public readonly double Loss => _weightedLoss / _weight;

    /// <summary>The share of windows whose largest logit was the label's.</summary>
    public readonly double Accuracy => (double)_correct / _count;

    /// <summary>Windows added.</summary>
    public readonly int Count => _count;

    /// <summary>The index of the largest value; the first of equal ones.</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int c = 1; c < values.Length; c++)
            if (values[c] > values[best]) best = c;
        return best;
    }
}
