using Valence.Nn.Kernels;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// The buffers a <see cref="RecurrentLayer"/> computes in, kept across calls and resized only when the batch or the
/// sequence length changes, so Forward and Backward allocate nothing in steady state.
/// </summary>
/// <remarks>
/// <para>Sequence buffers are time-major, [time, batch, width]: the rows of one step are one contiguous block, and
/// all steps together form one matrix for the whole-sequence products.</para>
/// <para>Each layer's hidden states sit in [time + 2, batch, H·directions] with one spare slot at either end for
/// the initial states: slot 0 holds the forward direction's h0, slots 1…time the outputs y_0…y_{time−1}, slot
/// time+1 the reverse direction's h0. The state a step starts from is then always the neighbouring slot, and
/// those states for all steps, in time order, are one strided matrix. Cell states (LSTM) use the same layout.</para>
/// </remarks>
internal sealed class RecurrentWorkspace
{
    private readonly int _inputSize, _units, _directions, _gateWidth, _cacheWidth;
    private readonly bool _hasCellState, _hasSeparateHiddenGateGradient;
    private readonly Tensor[] _hidden, _cells, _gates, _caches, _outputGradients;
    private readonly Tensor _separateHiddenGateGradient = EmptyTensor();

    /// <summary>Creates empty buffers for a layer with <paramref name="options"/> running <paramref name="cell"/>.</summary>
    public RecurrentWorkspace(RecurrentOptions options, RecurrentCell cell)
    {
        _inputSize = options.InputSize;
        _units = options.HiddenSize;
        _directions = options.Directions;
        _gateWidth = cell.GateCount * _units;
        _cacheWidth = cell.CachedVectors * _units;
        _hasCellState = cell.HasCellState;
        _hasSeparateHiddenGateGradient = cell.HasSeparateHiddenGateGradient;
        _hidden = Empty(options.NumLayers);
        _cells = Empty(options.NumLayers);
        _outputGradients = Empty(options.NumLayers);
        _gates = Empty(options.NumLayers * _directions);
        _caches = Empty(options.NumLayers * _directions);
        NoBias = new Tensor(new TensorShape(_gateWidth));
        GatesBias = new Tensor(new TensorShape(_gateWidth));
        GateGradientTotals = new Tensor(new TensorShape(_gateWidth));
    }

    /// <summary>Batch items of the current sequence.</summary>
    public int Batch { get; private set; }

    /// <summary>Time steps of the current sequence.</summary>
    public int Time { get; private set; }

    /// <summary>The layer input, time-major: [time, batch, input size].</summary>
    public Tensor Input { get; } = EmptyTensor();

    /// <summary>[batch, G·H]: W_hh h_{t−1} of the current step, for cells that read it separately.</summary>
    public Tensor Recurrent { get; } = EmptyTensor();

    /// <summary>[batch, H]: ∂L/∂h_t of the current step.</summary>
    public Tensor HiddenGradient { get; } = EmptyTensor();

    /// <summary>[batch, H]: ∂L/∂h flowing from one step to the one before it.</summary>
    public Tensor HiddenCarry { get; } = EmptyTensor();

    /// <summary>[batch, H]: ∂L/∂c flowing from one step to the one before it.</summary>
    public Tensor CellCarry { get; } = EmptyTensor();

    /// <summary>[time, batch, G·H]: ∂L/∂a_x of one direction.</summary>
    public Tensor InputGateGradient { get; } = EmptyTensor();

    /// <summary>[time, batch, G·H]: ∂L/∂a_h of one direction; the same tensor as <see cref="InputGateGradient"/> unless the cell keeps both.</summary>
    public Tensor HiddenGateGradient => _hasSeparateHiddenGateGradient ? _separateHiddenGateGradient : InputGateGradient;

    /// <summary>
    /// W_hh of the direction in progress, packed for the per-step products: W_hhᵀ in the forward loop, W_hh in the
    /// backward loop. Packed afresh for every direction and pass, since the weights change between calls.
    /// </summary>
    public GemmPackedB PackedWeightHh { get; } = new();

    /// <summary>W_ihᵀ of the direction in progress, packed for the input-side products of each batch item.</summary>
    public GemmPackedB PackedWeightIh { get; } = new();

    /// <summary>[G·H]: the column totals of a gate gradient, on their way into a bias gradient.</summary>
    public Tensor GateGradientTotals { get; }

    /// <summary>[G·H]: the bias of the gate rows for the direction in progress (see <see cref="RecurrentStep.GatesBias"/>).</summary>
    public Tensor GatesBias { get; }

    /// <summary>[G·H] zeros: the biases of a layer without biases.</summary>
    public Tensor NoBias { get; }

    /// <summary>[time, batch, input size]: ∂L/∂input, time-major.</summary>
    public Tensor InputGradient { get; } = EmptyTensor();

    /// <summary>Layer <paramref name="layer"/>'s hidden states, [time + 2, batch, H·directions] (see remarks).</summary>
    public Tensor Hidden(int layer) => _hidden[layer];

    /// <summary>Layer <paramref name="layer"/>'s cell states, laid out as <see cref="Hidden"/>.</summary>
    public Tensor Cells(int layer) => _cells[layer];

    /// <summary>[time, batch, G·H]: a_x, then what the cell kept of its gates, for one layer and direction.</summary>
    public Tensor Gates(int layer, int direction) => _gates[layer * _directions + direction];

    /// <summary>[time, batch, cached width]: the cell's per-step cache for one layer and direction.</summary>
    public Tensor Cache(int layer, int direction) => _caches[layer * _directions + direction];

    /// <summary>[time, batch, H·directions]: ∂L/∂ of layer <paramref name="layer"/>'s output sequence.</summary>
    public Tensor OutputGradient(int layer) => _outputGradients[layer];

    /// <summary>Sizes the forward buffers for a sequence of <paramref name="batch"/> × <paramref name="time"/>.</summary>
    public void PrepareForward(int batch, int time)
    {
        Batch = batch;
        Time = time;
        int width = _units * _directions;
        Input.Resize(new TensorShape(time, batch, _inputSize));
        Recurrent.Resize(new TensorShape(batch, _gateWidth));
        for (int layer = 0; layer < _hidden.Length; layer++)
        {
            _hidden[layer].Resize(new TensorShape(time + 2, batch, width));
            if (_hasCellState) _cells[layer].Resize(new TensorShape(time + 2, batch, width));
        }
        for (int i = 0; i < _gates.Length; i++)
        {
            _gates[i].Resize(new TensorShape(time, batch, _gateWidth));
            _caches[i].Resize(new TensorShape(time, batch, _cacheWidth));
        }
    }

    /// <summary>Sizes the backward buffers for the sequence of the last <see cref="PrepareForward"/>.</summary>
    public void PrepareBackward()
    {
        var state = new TensorShape(Batch, _units);
        HiddenGradient.Resize(state);
        HiddenCarry.Resize(state);
        CellCarry.Resize(state);
        InputGateGradient.Resize(new TensorShape(Time, Batch, _gateWidth));
        if (_hasSeparateHiddenGateGradient) _separateHiddenGateGradient.Resize(new TensorShape(Time, Batch, _gateWidth));
        InputGradient.Resize(new TensorShape(Time, Batch, _inputSize));
        foreach (var gradient in _outputGradients) gradient.Resize(new TensorShape(Time, Batch, _units * _directions));
    }

    /// <summary>The rows of one time step of a time-major buffer [time, batch, width].</summary>
    public StridedRows StepRows(Tensor sequence, int t)
    {
        int width = sequence.Shape[2];
        return new StridedRows(sequence.Span.Slice(t * Batch * width, Batch * width), width, width);
    }

    /// <summary>One direction's H columns of the rows of slot (or step) <paramref name="slot"/> of a [slots, batch, H·directions] buffer.</summary>
    public StridedRows DirectionRows(Tensor states, int slot, int direction)
    {
        int width = _units * _directions;
        return new StridedRows(states.Span[(slot * Batch * width + direction * _units)..], width, _units);
    }

    private static Tensor[] Empty(int count)
    {
        var tensors = new Tensor[count];
        for (int i = 0; i < count; i++) tensors[i] = EmptyTensor();
        return tensors;
    }

    private static Tensor EmptyTensor() => new(new TensorShape(0));
}
