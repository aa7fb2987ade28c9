namespace Valence.Emotion.Training;

/// <summary>
/// Weights inversely proportional to the class frequencies of the training windows, scikit-learn's "balanced":
/// w_c = n_samples / (n_classes · count_c), so every class contributes equally to the loss.
/// </summary>
public sealed record BalancedClassWeights : ClassWeighting
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">A class has no training window, so its weight would be infinite.</exception>
    public override float[] Resolve(ReadOnlySpan<int> trainingLabels, int classCount)
    {
        var counts = new int[classCount];
        foreach (int label in trainingLabels)
        {
            if ((uint)label >= (uint)classCount)
                throw new ArgumentException($"Balanced class weights: label {label} is outside [0, {classCount}).", nameof(trainingLabels));
            counts[label]++;
        }
        var weights = new float[classCount];
        for (int c = 0; c < classCount; c++)
        {
            if (counts[c] == 0)
                throw new ArgumentException(
                    $"Balanced class weights: class {c} has no training window, so n_samples / (n_classes · count) is undefined; give explicit weights or a split with every class in training.",
                    nameof(trainingLabels));
            weights[c] = (float)((double)trainingLabels.Length / ((double)classCount * counts[c]));
        }
        return weights;
    }
}
