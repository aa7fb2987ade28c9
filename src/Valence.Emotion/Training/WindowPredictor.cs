using Valence.Nn.Layers;

namespace Valence.Emotion.Training;

/// <summary>Batched inference: a model's logits and predicted classes for a list of windows.</summary>
public static class WindowPredictor
{
    /// <summary>Runs <paramref name="model"/> in inference mode over the windows <paramref name="indices"/>, <paramref name="batchSize"/> at a time.</summary>
    /// <exception cref="ArgumentException">An index outside the data set, a batch size below 1, or a model that does not map the windows to one logit per class.</exception>
    public static Predictions Predict(Layer model, ILabelledWindows windows, IReadOnlyList<int> indices, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        int classes = ModelChecks.ClassCount(model, windows);
        var order = indices.ToArray();
        foreach (int index in order)
            if ((uint)index >= (uint)windows.Count)
                throw new ArgumentException($"Window index {index} is outside the data set's {windows.Count} windows.", nameof(indices));

        var logits = new float[order.Length * classes];
        var predicted = new int[order.Length];
        using var loader = new BatchLoader(windows, Math.Min(batchSize, Math.Max(order.Length, 1)));
        for (int start = 0; start < order.Length; start += loader.BatchSize)
        {
            int count = Math.Min(loader.BatchSize, order.Length - start);
            loader.Load(order.AsSpan(start, count));
            var output = model.Forward(loader.Input, training: false).ReadOnlySpan;
            output.CopyTo(logits.AsSpan(start * classes, count * classes));
            for (int i = 0; i < count; i++) predicted[start + i] = LossTotals.ArgMax(output.Slice(i * classes, classes));
        }
        return new Predictions(logits, predicted, classes);
    }
}
