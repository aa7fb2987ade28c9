namespace Valence.Nn.Layers;

/// <summary>
/// Gated recurrent unit, as PyTorch's <c>nn.GRU(batch_first=True)</c>: multi-layer, optionally bidirectional.
/// </summary>
/// <remarks>
/// <para>Per step, gate order r, z, n (rows of <c>weight_ih_l{k}</c> and <c>weight_hh_l{k}</c>, G = 3):
/// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h. The reset gate multiplies the hidden
/// product after it is formed (ONNX <c>linear_before_reset=1</c>), as in PyTorch and cuDNN.</para>
/// <para>Shapes, parameters, the last-step output and initial states are described on <see cref="RecurrentLayer"/>.</para>
/// </remarks>
public sealed class GRU : RecurrentLayer
{
    /// <summary>Creates the layer with parameters in PyTorch's order (uninitialised until <see cref="RecurrentLayer.Initialize"/>).</summary>
    public GRU(string name, RecurrentOptions options) : base(name, options, GruCell.Instance) { }

    /// <inheritdoc />
    public override string TypeName => "GRU";
}
