namespace Valence.Nn.Layers;

/// <summary>
/// The Elman recurrent layer with tanh, as PyTorch's <c>nn.RNN(nonlinearity='tanh', batch_first=True)</c>:
/// multi-layer, optionally bidirectional.
/// </summary>
/// <remarks>
/// <para>Per step (G = 1): h' = tanh(W_ih x + b_ih + W_hh h + b_hh).</para>
/// <para>Shapes, parameters, the last-step output and initial states are described on <see cref="RecurrentLayer"/>.</para>
/// </remarks>
public sealed class SimpleRNN : RecurrentLayer
{
    /// <summary>Creates the layer with parameters in PyTorch's order (uninitialised until <see cref="RecurrentLayer.Initialize"/>).</summary>
    public SimpleRNN(string name, RecurrentOptions options) : base(name, options, SimpleRnnCell.Instance) { }

    /// <inheritdoc />
    public override string TypeName => "SimpleRNN";
}
