using Valence.Emotion.Models;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;

namespace Valence.Emotion.Training;

/// <summary>Fits the model's <see cref="IDataFittedLayer"/>s to the training windows before training starts.</summary>
internal static class DataFitting
{
    /// <summary>
    /// For each top-level layer of <paramref name="model"/> that is fitted to data, in order: streams every training
    /// window through the layers before it (inference mode) into its fit.
    /// </summary>
    public static void Fit(Sequential model, BatchLoader loader, IReadOnlyList<int> trainIndices, CancellationToken cancellationToken)
    {
        var layers = model.Children;
        var indices = trainIndices.ToArray();
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i] is not IDataFittedLayer fitted) continue;
            fitted.BeginFit();
            for (int start = 0; start < indices.Length; start += loader.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                loader.Load(indices.AsSpan(start, Math.Min(loader.BatchSize, indices.Length - start)));
                Tensor x = loader.Input;
                for (int j = 0; j < i; j++) x = layers[j].Forward(x, training: false);
                fitted.AccumulateFit(x);
            }
            fitted.EndFit();
        }
    }
}
