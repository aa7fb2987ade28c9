namespace Valence.Emotion.Training;

/// <summary>The optimiser a training run uses.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (PyTorch's <c>torch.optim.Adam</c>); weight decay is an L2 term added to the gradient.</summary>
    Adam,

    /// <summary>AdamW (PyTorch's <c>torch.optim.AdamW</c>); weight decay shrinks the weights directly.</summary>
    AdamW,

    /// <summary>Stochastic gradient descent with momentum (PyTorch's <c>torch.optim.SGD</c>).</summary>
    Sgd,
}
