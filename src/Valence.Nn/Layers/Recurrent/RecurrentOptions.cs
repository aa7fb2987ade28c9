namespace Valence.Nn.Layers;

/// <summary>
/// The settings of a recurrent layer (<see cref="LSTM"/>, <see cref="GRU"/>, <see cref="SimpleRNN"/>), as PyTorch's
/// <c>nn.LSTM</c>/<c>nn.GRU</c>/<c>nn.RNN</c> take them with <c>batch_first=True</c>, plus whether the layer returns
/// the whole output sequence or only its last step.
/// </summary>
/// <remarks>
/// The three layers share one settings record because they have the same settings; the layer type says which cell
/// runs. The record validates itself on construction, so every instance (including one read from a configuration)
/// is valid.
/// </remarks>
public sealed record RecurrentOptions
{
    /// <summary>Creates and validates the settings.</summary>
    /// <param name="inputSize">Features per time step of the input, at least 1.</param>
    /// <param name="hiddenSize">Units of the hidden state per direction, at least 1.</param>
    /// <param name="numLayers">Recurrent layers stacked, at least 1; layer l+1 reads layer l's whole output sequence.</param>
    /// <param name="bidirectional">Whether each layer also runs a reverse-time direction whose output is concatenated.</param>
    /// <param name="returnSequences">Whether the output is every time step ([batch, time, hidden·directions]) or the last ([batch, hidden·directions]).</param>
    /// <param name="bias">Whether the layer has the biases <c>bias_ih_l{k}</c> and <c>bias_hh_l{k}</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or the layer count is below 1.</exception>
    public RecurrentOptions(int inputSize, int hiddenSize, int numLayers = 1, bool bidirectional = false,
        bool returnSequences = true, bool bias = true)
    {
        RequireAtLeastOne(inputSize, nameof(inputSize), "features per time step");
        RequireAtLeastOne(hiddenSize, nameof(hiddenSize), "hidden units");
        RequireAtLeastOne(numLayers, nameof(numLayers), "stacked layers");
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        Bidirectional = bidirectional;
        ReturnSequences = returnSequences;
        Bias = bias;
    }

    /// <summary>Features per time step of the input.</summary>
    public int InputSize { get; }

    /// <summary>Units of the hidden state per direction (PyTorch's <c>hidden_size</c>).</summary>
    public int HiddenSize { get; }

    /// <summary>Recurrent layers stacked (PyTorch's <c>num_layers</c>).</summary>
    public int NumLayers { get; }

    /// <summary>Whether each layer also runs in reverse time (PyTorch's <c>bidirectional</c>).</summary>
    public bool Bidirectional { get; }

    /// <summary>Whether the output is the whole sequence; otherwise it is the last time step, PyTorch's <c>out[:, -1, :]</c>.</summary>
    public bool ReturnSequences { get; }

    /// <summary>Whether the layer has biases (PyTorch's <c>bias</c>).</summary>
    public bool Bias { get; }

    /// <summary>1, or 2 when <see cref="Bidirectional"/>.</summary>
    internal int Directions => Bidirectional ? 2 : 1;

    private static void RequireAtLeastOne(int value, string name, string what)
    {
        if (value < 1)
            throw new ArgumentOutOfRangeException(name, $"{name} is the number of {what} and must be at least 1; got {value}.");
    }
}
