namespace Valence.Emotion.Models;

/// <summary>Which recurrent layer a model uses.</summary>
public enum RecurrentCellKind
{
    /// <summary>Long short-term memory (PyTorch <c>nn.LSTM</c>).</summary>
    Lstm,

    /// <summary>Gated recurrent unit (PyTorch <c>nn.GRU</c>).</summary>
    Gru,
}
