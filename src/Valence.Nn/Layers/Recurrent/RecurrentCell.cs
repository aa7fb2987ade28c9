namespace Valence.Nn.Layers;

/// <summary>
/// The gate arithmetic of one kind of recurrent cell, one time step at a time. Everything else (layers,
/// directions, the input and recurrent matrix products, the sequence buffers) is <see cref="RecurrentLayer"/>'s.
/// </summary>
/// <remarks>
/// The layer computes, for step t, the products W_ih x_t and W_hh h_{t−1} (summed, unless the cell
/// <see cref="ReadsRecurrentSeparately"/>); the cell adds the biases, a_x = W_ih x_t + b_ih and
/// a_h = W_hh h_{t−1} + b_hh, and turns them into h_t (and c_t). Backward gets ∂L/∂h_t and returns the
/// gradients of a_x and a_h, from which the layer forms every weight gradient, ∂L/∂x and ∂L/∂h_{t−1}.
/// Cells hold no state, so one instance serves every layer.
/// </remarks>
internal abstract class RecurrentCell
{
    /// <summary>Gates G: the weights have G·H rows.</summary>
    public abstract int GateCount { get; }

    /// <summary>H-wide vectors per batch row and step that Forward caches for Backward.</summary>
    public virtual int CachedVectors => 0;

    /// <summary>Whether the cell carries a cell state c besides h (LSTM).</summary>
    public virtual bool HasCellState => false;

    /// <summary>Whether Forward needs W_hh h_{t−1} apart from W_ih x_t, rather than their sum (GRU).</summary>
    public virtual bool ReadsRecurrentSeparately => false;

    /// <summary>Whether ∂L/∂a_h differs from ∂L/∂a_x, so the layer must keep both (GRU).</summary>
    public virtual bool HasSeparateHiddenGateGradient => false;

    /// <summary>Whether h_{t−1} reaches h_t other than through a_h, so Backward writes <see cref="RecurrentStep.HiddenPreviousGradient"/> (GRU).</summary>
    public virtual bool HasDirectHiddenPath => false;

    /// <summary>Computes h_t (and c_t) from the step's pre-activations and caches what Backward needs.</summary>
    public abstract void Forward(scoped in RecurrentStep step);

    /// <summary>From ∂L/∂h_t (and ∂L/∂c_t) computes the pre-activation gradients (and ∂L/∂c_{t−1}).</summary>
    public abstract void Backward(scoped in RecurrentStep step);
}
