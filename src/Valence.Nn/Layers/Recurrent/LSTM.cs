using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// Long short-term memory, as PyTorch's <c>nn.LSTM(batch_first=True)</c>: multi-layer, optionally bidirectional.
/// </summary>
/// <remarks>
/// <para>Per step, gate order i, f, g, o (rows of <c>weight_ih_l{k}</c> and <c>weight_hh_l{k}</c>, G = 4):
/// i = σ(W_ii x + b_ii + W_hi h + b_hi), f = σ(…), g = tanh(…), o = σ(…);
/// c' = f ⊙ c + i ⊙ g; h' = o ⊙ tanh(c').</para>
/// <para>Shapes, parameters, the last-step output and initial states are described on <see cref="RecurrentLayer"/>;
/// <see cref="SetInitialState(Tensor, Tensor)"/> also sets c0, and <see cref="InitialCellStateGradient"/> gives
/// ∂L/∂c0 after Backward.</para>
/// </remarks>
public sealed class LSTM : RecurrentLayer
{
    /// <summary>Creates the layer with parameters in PyTorch's order (uninitialised until <see cref="RecurrentLayer.Initialize"/>).</summary>
    public LSTM(string name, RecurrentOptions options) : base(name, options, LstmCell.Instance) { }

    /// <inheritdoc />
    public override string TypeName => "LSTM";

    /// <summary>∂L/∂c0 after Backward, [layers·directions, batch, H]; the gradient with respect to the zero state when none was set.</summary>
    public Tensor InitialCellStateGradient => InitialCellGradient;

    /// <summary>Sets h0 and c0, each [layers·directions, batch, H], for the next Forward only; the values are copied.</summary>
    /// <exception cref="ShapeException">A shape is not [layers·directions, batch, H], or the two differ.</exception>
    public void SetInitialState(Tensor hidden, Tensor cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        SetInitialStates(hidden, cell);
    }
}
