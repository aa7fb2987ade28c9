namespace Valence.Nn.Optimizers;

/// <summary>Whether <see cref="ReduceLROnPlateau"/> watches a metric that should fall or rise.</summary>
public enum PlateauMode
{
    /// <summary>Lower is better (a loss); PyTorch's <c>mode='min'</c>.</summary>
    Min,

    /// <summary>Higher is better (an accuracy); PyTorch's <c>mode='max'</c>.</summary>
    Max,
}
