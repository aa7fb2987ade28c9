using Valence.Nn.Tensors;

namespace Valence.Emotion.Models;

/// <summary>
/// A layer whose non-trainable statistics are fitted to the training data before training, such as
/// <see cref="FeatureStandardizer"/>. The trainer calls <see cref="BeginFit"/>, then <see cref="AccumulateFit"/>
/// with every training batch as the layers before this one transform it (in inference mode), then
/// <see cref="EndFit"/>. The fitted statistics are buffers, so model files and checkpoints keep them.
/// </summary>
public interface IDataFittedLayer
{
    /// <summary>Forgets any earlier fit and starts a new one.</summary>
    void BeginFit();

    /// <summary>Adds a batch of this layer's inputs to the statistics.</summary>
    void AccumulateFit(Tensor input);

    /// <summary>Computes the statistics from everything accumulated since <see cref="BeginFit"/>.</summary>
    /// <exception cref="InvalidOperationException">Nothing was accumulated.</exception>
    void EndFit();
}
