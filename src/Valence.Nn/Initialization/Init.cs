using Valence.Nn.Tensors;

namespace Valence.Nn.Initialization;

/// <summary>
/// PyTorch's default initialisations, so that a fresh Valence layer is distributed like a fresh PyTorch one.
/// </summary>
public static class Init
{
    /// <summary>
    /// PyTorch's default for Linear and Conv weights and biases: kaiming_uniform with a = √5, which reduces to
    /// U(−1/√fan_in, 1/√fan_in); biases use the same bound.
    /// </summary>
    public static void FanInUniform(Tensor tensor, int fanIn, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        float bound = 1f / MathF.Sqrt(fanIn);
        rng.FillUniform(tensor.Span, -bound, bound);
    }

    /// <summary>PyTorch's default for every weight and bias of RNN, LSTM and GRU: U(−1/√hidden, 1/√hidden).</summary>
    public static void RecurrentUniform(Tensor tensor, int hiddenSize, Rng rng) => FanInUniform(tensor, hiddenSize, rng);
}
