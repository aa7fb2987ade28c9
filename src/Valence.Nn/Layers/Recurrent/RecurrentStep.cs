namespace Valence.Nn.Layers;

/// <summary>
/// What a <see cref="RecurrentCell"/> sees of one time step of one direction: rows of the sequence buffers for that
/// step, one row per batch item. Forward fills the forward fields; Backward fills all of them.
/// </summary>
/// <remarks>Gate rows hold the cell's gates in PyTorch's order, each H-wide section one gate.</remarks>
internal ref struct RecurrentStep
{
    /// <summary>Batch items (rows).</summary>
    public int Batch;

    /// <summary>The hidden size H.</summary>
    public int Units;

    /// <summary>
    /// Forward: whether a Backward may follow (training), so that the cell must leave its activated gates and cache;
    /// otherwise only the states h_t (and c_t) are needed.
    /// </summary>
    public bool KeepsForBackward;

    /// <summary>
    /// [batch, G·H]. Forward: holds W_ih x_t on entry, plus W_hh h_{t−1} unless the cell
    /// <see cref="RecurrentCell.ReadsRecurrentSeparately"/> (biases not included); the cell leaves there what its
    /// Backward needs (activated gates).
    /// </summary>
    public StridedRows Gates;

    /// <summary>[batch, G·H], forward, for cells that read it separately: W_hh h_{t−1} (bias not included).</summary>
    public StridedRows Recurrent;

    /// <summary>
    /// [G·H], forward: the bias of what <see cref="Gates"/> holds, b_ih + b_hh, or b_ih alone for cells that read
    /// W_hh h_{t−1} separately (zeros when the layer has no biases).
    /// </summary>
    public ReadOnlySpan<float> GatesBias;

    /// <summary>[G·H], forward, for cells that read W_hh h_{t−1} separately: b_hh (zeros when the layer has no biases).</summary>
    public ReadOnlySpan<float> RecurrentBias;

    /// <summary>[batch, H] per cached vector: per-step values the cell keeps for Backward (<see cref="RecurrentCell.CachedVectors"/>).</summary>
    public StridedRows Cache;

    /// <summary>[batch, H]: h_{t−1}, the state this step starts from.</summary>
    public StridedRows HiddenPrevious;

    /// <summary>[batch, H]: h_t, written by Forward.</summary>
    public StridedRows Hidden;

    /// <summary>[batch, H]: c_{t−1} for cells with a cell state.</summary>
    public StridedRows CellPrevious;

    /// <summary>[batch, H]: c_t for cells with a cell state, written by Forward.</summary>
    public StridedRows Cell;

    /// <summary>[batch, H], backward: ∂L/∂h_t, everything that reaches h_t (the output and step t±1).</summary>
    public StridedRows HiddenGradient;

    /// <summary>[batch, H], backward, cells with a cell state: ∂L/∂c_t reaching c_t from the next step on entry; ∂L/∂c_{t−1} on exit.</summary>
    public StridedRows CellGradient;

    /// <summary>[batch, G·H], backward output: ∂L/∂a_x, the gradient of the input-side pre-activations.</summary>
    public StridedRows InputGateGradient;

    /// <summary>[batch, G·H], backward output: ∂L/∂a_h; the same rows as <see cref="InputGateGradient"/> unless the cell says they differ.</summary>
    public StridedRows HiddenGateGradient;

    /// <summary>[batch, H], backward output of cells with a direct path from h_{t−1} to h_t: that path's share of ∂L/∂h_{t−1}.</summary>
    public StridedRows HiddenPreviousGradient;
}
