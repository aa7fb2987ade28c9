using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Valence.Nn.Initialization;
using Valence.Nn.Kernels;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// What <see cref="LSTM"/>, <see cref="GRU"/> and <see cref="SimpleRNN"/> share: stacked layers, two directions,
/// the matrix products, the sequence bookkeeping, initial states and output assembly. The cell supplies the gate
/// arithmetic of one time step.
/// </summary>
/// <remarks>
/// <para>Input [batch, time, <see cref="RecurrentOptions.InputSize"/>] (PyTorch's <c>batch_first=True</c>). Output
/// [batch, time, H·directions] with <see cref="RecurrentOptions.ReturnSequences"/>, otherwise the last time step of
/// that sequence, PyTorch's <c>out[:, -1, :]</c>, [batch, H·directions]: for a bidirectional layer that is the
/// forward direction's final state beside the reverse direction's output at t = T−1 (its first step, not its
/// final state).</para>
/// <para>Parameters, named and shaped as PyTorch's state_dict and created in its order: for each layer l and
/// direction (suffix <c>_reverse</c> for the second), <c>weight_ih_l{l}</c> [G·H, in], <c>weight_hh_l{l}</c>
/// [G·H, H], then with <see cref="RecurrentOptions.Bias"/> <c>bias_ih_l{l}</c> [G·H] and <c>bias_hh_l{l}</c> [G·H];
/// in = InputSize for layer 0 and H·directions above it, whose input is the output sequence of the layer below,
/// both directions concatenated. All initialised U(−1/√H, 1/√H) as PyTorch does.</para>
/// <para>Initial states: <see cref="SetInitialState(Tensor)"/> gives h0, shaped as PyTorch's
/// [layers·directions, batch, H], to the next Forward only; a Forward without one starts from zeros. After
/// Backward, <see cref="InitialHiddenStateGradient"/> holds ∂L/∂h0 (of the zeros, if none was set).</para>
/// <para>Speed: per layer and direction, the input-side products W_ih x_t of all time steps come from one matrix
/// product; the time loop does only [batch, H]·W_hhᵀ (W_hh packed once per pass) and the cell's fused gate
/// arithmetic, on slices of the batch, one per thread (the recurrence runs within each batch row). Backward runs
/// the time loop for the gate gradients and ∂L/∂h_{t−1} (one product per step), then forms ∂L/∂W_ih, ∂L/∂W_hh and the
/// input gradient with one product each over the whole sequence. Results are the same bits on any number of
/// threads. No inter-layer dropout.</para>
/// </remarks>
public abstract class RecurrentLayer : Layer
{
    /// <summary>
    /// The fewest batch rows worth a thread of their own in the time loops: below this, a slice's per-step product
    /// is too small to pay for waking a thread (once per direction and pass, then none per step).
    /// </summary>
    private const int MinimumRowsPerThread = 4;

    private readonly RecurrentCell _cell;
    private readonly DirectionParameters[] _directionParameters;
    private readonly RecurrentWorkspace _work;
    private readonly Tensor _output = new(new TensorShape(0));
    private readonly Tensor _inputGradient = new(new TensorShape(0));
    private readonly Tensor _initialHidden = new(new TensorShape(0));
    private readonly Tensor _initialCell = new(new TensorShape(0));
    private bool _hasInitialState;
    private bool _hasTrainingForward;
    private Tensor? _forwardInput;

    private protected RecurrentLayer(string name, RecurrentOptions options, RecurrentCell cell) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        Settings = options;
        _cell = cell;
        _directionParameters = new DirectionParameters[options.NumLayers * options.Directions];
        for (int layer = 0; layer < options.NumLayers; layer++)
            for (int direction = 0; direction < options.Directions; direction++)
                _directionParameters[layer * options.Directions + direction] = CreateParameters(layer, direction);
        _work = new RecurrentWorkspace(options, cell);
    }

    /// <summary>The layer's settings.</summary>
    public RecurrentOptions Settings { get; }

    /// <inheritdoc />
    public override object Options => Settings;

    /// <summary>
    /// ∂L/∂h0 after Backward, [layers·directions, batch, H] in PyTorch's order (layer-major, forward direction
    /// first); the gradient with respect to the zero state when no initial state was set.
    /// </summary>
    public Tensor InitialHiddenStateGradient { get; } = new(new TensorShape(0));

    /// <summary>∂L/∂c0 after Backward for cells with a cell state, shaped as <see cref="InitialHiddenStateGradient"/>.</summary>
    private protected Tensor InitialCellGradient { get; } = new(new TensorShape(0));

    private int Units => Settings.HiddenSize;

    private int Directions => Settings.Directions;

    private int GateWidth => _cell.GateCount * Units;

    /// <summary>
    /// Sets h0, shaped [layers·directions, batch, H], for the next Forward only (cell states start from zero). The
    /// values are copied; the batch must match that Forward's input.
    /// </summary>
    /// <exception cref="ShapeException">The shape is not [layers·directions, batch, H].</exception>
    public void SetInitialState(Tensor hidden) => SetInitialStates(hidden, null);

    /// <summary>Sets h0 and, for cells that have one, c0 (or zeros when <paramref name="cell"/> is null) for the next Forward.</summary>
    private protected void SetInitialStates(Tensor hidden, Tensor? cell)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        CheckStateShape(hidden.Shape, "initial hidden state");
        if (cell is not null && cell.Shape != hidden.Shape)
            throw new ShapeException($"{Describe()}: initial cell state has shape {cell.Shape}, but the initial hidden state has shape {hidden.Shape}; both are [layers·directions, batch, hidden].");
        _initialHidden.Resize(hidden.Shape);
        hidden.CopyTo(_initialHidden);
        _initialCell.Resize(hidden.Shape);
        if (cell is null) _initialCell.Clear();
        else cell.CopyTo(_initialCell);
        _hasInitialState = true;
    }

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        if (inputShape.Rank != 3)
            throw new ShapeException($"{Describe()}: expected input [batch, time, features] of rank 3, got shape {inputShape}.");
        int batch = inputShape[0], time = inputShape[1];
        if (inputShape[2] != Settings.InputSize)
            throw new ShapeException($"{Describe()}: input shape {inputShape} has {inputShape[2]} features per time step; expected shape [{batch}, {time}, {Settings.InputSize}] (inputSize = {Settings.InputSize}).");
        if (batch == 0 || time == 0)
            throw new ShapeException($"{Describe()}: input shape {inputShape} is empty; needs at least one batch item and one time step.");
        int width = Units * Directions;
        return Settings.ReturnSequences ? new TensorShape(batch, time, width) : new TensorShape(batch, width);
    }

    /// <inheritdoc />
    public override void Initialize(Rng rng)
    {
        foreach (var parameter in Parameters) Init.RecurrentUniform(parameter.Value, Units, rng);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        var outputShape = GetOutputShape(input.Shape);
        int batch = input.Shape[0], time = input.Shape[1];
        if (_hasInitialState && _initialHidden.Shape[1] != batch)
            throw new ShapeException($"{Describe()}: the initial state has shape {_initialHidden.Shape}, but the input shape {input.Shape} needs [{_initialHidden.Shape[0]}, {batch}, {Units}].");
        _work.PrepareForward(batch, time);
        // Without training the cells keep only the states, not what Backward would need; Backward also needs the
        // input time-major, for ∂L/∂W_ih.
        _hasTrainingForward = training;
        if (training) SwapLeadingAxes(input.ReadOnlySpan, batch, time, Settings.InputSize, _work.Input.Span);
        _forwardInput = input;
        for (int layer = 0; layer < Settings.NumLayers; layer++)
        {
            for (int direction = 0; direction < Directions; direction++)
            {
                PlaceInitialState(layer, direction);
                ForwardDirection(layer, direction);
            }
        }
        _forwardInput = null;
        _hasInitialState = false;
        return AssembleOutput(outputShape);
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        if (!_hasTrainingForward)
            throw NoTrainingForward();
        if (outputGradient.Shape != _output.Shape)
            throw new ShapeException($"{Describe()}: output gradient has shape {outputGradient.Shape}, but the last Forward's output has shape {_output.Shape}.");
        _work.PrepareBackward();
        int batch = _work.Batch, time = _work.Time, layers = Settings.NumLayers;
        ScatterOutputGradient(outputGradient);
        var stateShape = new TensorShape(layers * Directions, batch, Units);
        InitialHiddenStateGradient.Resize(stateShape);
        InitialCellGradient.Resize(stateShape);
        for (int layer = layers - 1; layer >= 0; layer--)
            for (int direction = 0; direction < Directions; direction++)
                BackwardDirection(layer, direction);
        _inputGradient.Resize(new TensorShape(batch, time, Settings.InputSize));
        if (InputGradientRequired)
            SwapLeadingAxes(_work.InputGradient.ReadOnlySpan, time, batch, Settings.InputSize, _inputGradient.Span);
        return _inputGradient;
    }

    private DirectionParameters CreateParameters(int layer, int direction)
    {
        string suffix = direction == 0 ? $"_l{layer}" : $"_l{layer}_reverse";
        int inputWidth = InputWidth(layer);
        var weightIh = AddParameter("weight_ih" + suffix, new TensorShape(GateWidth, inputWidth));
        var weightHh = AddParameter("weight_hh" + suffix, new TensorShape(GateWidth, Units));
        if (!Settings.Bias) return new DirectionParameters(weightIh, weightHh, null, null);
        var biasIh = AddParameter("bias_ih" + suffix, new TensorShape(GateWidth));
        var biasHh = AddParameter("bias_hh" + suffix, new TensorShape(GateWidth));
        return new DirectionParameters(weightIh, weightHh, biasIh, biasHh);
    }

    private int InputWidth(int layer) => layer == 0 ? Settings.InputSize : Units * Directions;

    /// <summary>Layer <paramref name="layer"/>'s input sequence, time-major: the data, or the output slots of the layer below.</summary>
    private Span<float> LayerInput(int layer)
    {
        if (layer == 0) return _work.Input.Span;
        int rows = _work.Time * _work.Batch, width = Units * Directions;
        return _work.Hidden(layer - 1).Span.Slice(_work.Batch * width, rows * width);
    }

    /// <summary>
    /// Batch item <paramref name="b"/>'s input sequence for layer <paramref name="layer"/>, one row per time step:
    /// the caller's input (batch-major, so its rows are contiguous) or the output slots of the layer below.
    /// </summary>
    private StridedRows InputSequence(int layer, int b)
    {
        int time = _work.Time;
        if (layer == 0)
        {
            int inputSize = Settings.InputSize;
            return new StridedRows(_forwardInput!.Span.Slice(b * time * inputSize, time * inputSize), inputSize, inputSize);
        }
        int width = Units * Directions;
        return new StridedRows(_work.Hidden(layer - 1).Span[((Slot(0) * _work.Batch + b) * width)..], _work.Batch * width, width);
    }

    /// <summary>The slot of the hidden-state buffer that holds the output of step <paramref name="t"/>.</summary>
    private static int Slot(int t) => t + 1;

    /// <summary>The slot holding the state step <paramref name="t"/> starts from: the step before it in the direction's own time order.</summary>
    private static int PreviousSlot(int t, int direction) => direction == 0 ? t : t + 2;

    private void PlaceInitialState(int layer, int direction)
    {
        int slot = direction == 0 ? 0 : _work.Time + 1;
        PlaceState(_initialHidden, _work.Hidden(layer), slot, layer, direction);
        if (_cell.HasCellState) PlaceState(_initialCell, _work.Cells(layer), slot, layer, direction);
    }

    private void PlaceState(Tensor initial, Tensor states, int slot, int layer, int direction)
    {
        var rows = _work.DirectionRows(states, slot, direction);
        int batch = _work.Batch, units = Units;
        for (int b = 0; b < batch; b++)
        {
            if (_hasInitialState) initial.ReadOnlySpan.Slice(((layer * Directions + direction) * batch + b) * units, units).CopyTo(rows[b]);
            else rows[b].Clear();
        }
    }

    private void ForwardDirection(int layer, int direction)
    {
        var parameters = _directionParameters[layer * Directions + direction];
        int gateWidth = GateWidth, inputWidth = InputWidth(layer);
        _work.PackedWeightIh.Pack(true, inputWidth, gateWidth, parameters.WeightIh.Value.ReadOnlySpan, inputWidth);
        _work.PackedWeightHh.Pack(true, Units, gateWidth, parameters.WeightHh.Value.ReadOnlySpan, Units);
        // The bias of the gate rows: b_ih + b_hh where they hold both products, computed once for all steps
        var gatesBias = _work.GatesBias.Span;
        if (parameters.BiasIh is null || parameters.BiasHh is null) gatesBias.Clear();
        else if (_cell.ReadsRecurrentSeparately) parameters.BiasIh.Value.ReadOnlySpan.CopyTo(gatesBias);
        else TensorPrimitives.Add(parameters.BiasIh.Value.ReadOnlySpan, parameters.BiasHh.Value.ReadOnlySpan, gatesBias);
        RunTimeLoop(layer, direction, backward: false);
    }

    private void BackwardDirection(int layer, int direction)
    {
        var parameters = _directionParameters[layer * Directions + direction];
        int batch = _work.Batch, units = Units;
        _work.PackedWeightHh.Pack(false, GateWidth, units, parameters.WeightHh.Value.ReadOnlySpan, units);
        RunTimeLoop(layer, direction, backward: true);
        int stateOffset = (layer * Directions + direction) * batch * units;
        _work.HiddenCarry.ReadOnlySpan.CopyTo(InitialHiddenStateGradient.Span.Slice(stateOffset, batch * units));
        _work.CellCarry.ReadOnlySpan.CopyTo(InitialCellGradient.Span.Slice(stateOffset, batch * units));
        AccumulateParameterGradients(layer, direction, parameters);
        PropagateToInput(layer, direction, parameters);
    }

    // The per-step work, one slice of the batch per thread (see RecurrentTimeLoop).
    private void RunTimeLoop(int layer, int direction, bool backward)
    {
        var slices = new BatchSlices(_work.Batch, MinimumRowsPerThread);
        var job = new RecurrentTimeLoop(this, layer, direction, backward, slices);
        Workers.Run(ref job, slices.Count);
    }

    /// <summary>
    /// The forward pass for batch rows [first, first + rows): W_ih x_t of all their time steps, one product per batch
    /// item (its whole sequence), then step by step W_hh h_{t−1} and the cell.
    /// </summary>
    internal void ForwardSteps(int layer, int direction, int first, int rows)
    {
        var parameters = _directionParameters[layer * Directions + direction];
        int time = _work.Time, gateWidth = GateWidth;
        // W_ih x_t for t = 0 … T−1 into the gate rows (the cell adds the biases)
        for (int b = first; b < first + rows; b++)
        {
            var sequence = InputSequence(layer, b);
            Gemm.Multiply(false, time, sequence.Data, sequence.Stride, _work.PackedWeightIh,
                _work.Gates(layer, direction).Span[(b * gateWidth)..], _work.Batch * gateWidth);
        }
        var recurrent = _work.Recurrent.Span.Slice(first * gateWidth, rows * gateWidth);
        for (int s = 0; s < time; s++)
        {
            int t = direction == 0 ? s : time - 1 - s;
            var step = Step(layer, direction, t, first, rows);
            // W_hh h_{t−1}: added to W_ih x_t in the gate rows, or kept apart for cells that read it separately
            var hidden = step.HiddenPrevious;
            if (_cell.ReadsRecurrentSeparately)
            {
                Gemm.Multiply(false, rows, hidden.Data, hidden.Stride, _work.PackedWeightHh, recurrent, gateWidth);
                step.Recurrent = new StridedRows(recurrent, gateWidth, gateWidth);
            }
            else
            {
                Gemm.Multiply(false, rows, hidden.Data, hidden.Stride, _work.PackedWeightHh, step.Gates.Data, gateWidth,
                    accumulate: true);
            }
            step.GatesBias = _work.GatesBias.ReadOnlySpan;
            step.RecurrentBias = (parameters.BiasHh?.Value ?? _work.NoBias).ReadOnlySpan;
            _cell.Forward(step);
        }
    }

    /// <summary>
    /// The backward time loop for batch rows [first, first + rows): the gate gradients of every step and what flows
    /// back to h_{t−1} (and c_{t−1}), which is ∂L/∂h0 (∂L/∂c0) once the loop ends.
    /// </summary>
    internal void BackwardSteps(int layer, int direction, int first, int rows)
    {
        int time = _work.Time, units = Units, gateWidth = GateWidth;
        var carry = _work.HiddenCarry.Span.Slice(first * units, rows * units);
        var cellCarry = _work.CellCarry.Span.Slice(first * units, rows * units);
        var hiddenGradient = _work.HiddenGradient.Span.Slice(first * units, rows * units);
        carry.Clear();
        cellCarry.Clear();
        for (int s = time - 1; s >= 0; s--)
        {
            int t = direction == 0 ? s : time - 1 - s;
            var step = Step(layer, direction, t, first, rows);
            // ∂L/∂h_t = ∂L/∂y_t + what flows back from the step after t in this direction's order
            // (one span addition when the rows are contiguous, as with a single direction)
            var fromOutput = _work.DirectionRows(_work.OutputGradient(layer), t, direction).From(first);
            if (fromOutput.Stride == units)
                TensorPrimitives.Add(fromOutput.Data[..(rows * units)], carry, hiddenGradient);
            else
                for (int b = 0; b < rows; b++)
                    TensorPrimitives.Add(fromOutput[b], carry.Slice(b * units, units), hiddenGradient.Slice(b * units, units));
            step.HiddenGradient = new StridedRows(hiddenGradient, units, units);
            step.CellGradient = new StridedRows(cellCarry, units, units);
            step.InputGateGradient = _work.StepRows(_work.InputGateGradient, t).From(first);
            step.HiddenGateGradient = _work.StepRows(_work.HiddenGateGradient, t).From(first);
            step.HiddenPreviousGradient = new StridedRows(carry, units, units);
            _cell.Backward(step);
            // ∂L/∂h_{t−1} = ∂L/∂a_h W_hh (+ the direct path's share, which the cell wrote)
            Gemm.Multiply(false, rows, step.HiddenGateGradient.Data, gateWidth, _work.PackedWeightHh,
                carry, units, accumulate: _cell.HasDirectHiddenPath);
        }
    }

    /// <summary>∂L/∂W_ih, ∂L/∂W_hh and the bias gradients, each from one pass over the whole sequence.</summary>
    private void AccumulateParameterGradients(int layer, int direction, DirectionParameters parameters)
    {
        int rows = _work.Time * _work.Batch, units = Units, gateWidth = GateWidth, inputWidth = InputWidth(layer);
        var inputGates = _work.InputGateGradient.ReadOnlySpan;
        var hiddenGates = _work.HiddenGateGradient.ReadOnlySpan;
        // ∂L/∂W_ih += Σ_t ∂L/∂a_x(t)ᵀ x_t
        Gemm.Multiply(true, false, gateWidth, inputWidth, rows, inputGates, gateWidth, LayerInput(layer), inputWidth,
            parameters.WeightIh.Gradient.Span, inputWidth, accumulate: true);
        // ∂L/∂W_hh += Σ_t ∂L/∂a_h(t)ᵀ h_{t−1}; the starting states of all steps, in time order, are consecutive slots
        var previousStates = _work.DirectionRows(_work.Hidden(layer), PreviousSlot(0, direction), direction);
        Gemm.Multiply(true, false, gateWidth, units, rows, hiddenGates, gateWidth, previousStates.Data, previousStates.Stride,
            parameters.WeightHh.Gradient.Span, units, accumulate: true);
        if (parameters.BiasIh is null || parameters.BiasHh is null) return;
        // ∂L/∂b_ih += Σ_t ∂L/∂a_x(t), ∂L/∂b_hh += Σ_t ∂L/∂a_h(t) (the same sums unless the cell keeps both)
        var totals = _work.GateGradientTotals.Span;
        ColumnSums.Sum(inputGates, rows, gateWidth, totals);
        TensorPrimitives.Add(parameters.BiasIh.Gradient.Span, totals, parameters.BiasIh.Gradient.Span);
        if (_cell.HasSeparateHiddenGateGradient) ColumnSums.Sum(hiddenGates, rows, gateWidth, totals);
        TensorPrimitives.Add(parameters.BiasHh.Gradient.Span, totals, parameters.BiasHh.Gradient.Span);
    }

    /// <summary>∂L/∂(layer input) += ∂L/∂a_x W_ih: into the output gradient of the layer below, or the data's gradient.</summary>
    private void PropagateToInput(int layer, int direction, DirectionParameters parameters)
    {
        if (layer == 0 && !InputGradientRequired) return;
        int rows = _work.Time * _work.Batch, inputWidth = InputWidth(layer);
        var target = layer == 0 ? _work.InputGradient.Span : _work.OutputGradient(layer - 1).Span;
        Gemm.Multiply(false, false, rows, inputWidth, GateWidth, _work.InputGateGradient.ReadOnlySpan, GateWidth,
            parameters.WeightIh.Value.ReadOnlySpan, inputWidth, target, inputWidth, accumulate: direction > 0);
    }

    /// <summary>The rows [first, first + rows) of step <paramref name="t"/> that Forward and Backward both read.</summary>
    private RecurrentStep Step(int layer, int direction, int t, int first, int rows)
    {
        var step = new RecurrentStep
        {
            Batch = rows,
            Units = Units,
            KeepsForBackward = _hasTrainingForward,
            Gates = _work.StepRows(_work.Gates(layer, direction), t).From(first),
            Cache = _work.StepRows(_work.Cache(layer, direction), t).From(first),
            HiddenPrevious = _work.DirectionRows(_work.Hidden(layer), PreviousSlot(t, direction), direction).From(first),
            Hidden = _work.DirectionRows(_work.Hidden(layer), Slot(t), direction).From(first),
        };
        if (_cell.HasCellState)
        {
            step.CellPrevious = _work.DirectionRows(_work.Cells(layer), PreviousSlot(t, direction), direction).From(first);
            step.Cell = _work.DirectionRows(_work.Cells(layer), Slot(t), direction).From(first);
        }
        return step;
    }

    private Tensor AssembleOutput(TensorShape outputShape)
    {
        _output.Resize(outputShape);
        int batch = _work.Batch, time = _work.Time, width = Units * Directions;
        var top = _work.Hidden(Settings.NumLayers - 1).ReadOnlySpan;
        if (Settings.ReturnSequences)
            SwapLeadingAxes(top.Slice(Slot(0) * batch * width, time * batch * width), time, batch, width, _output.Span);
        else
            top.Slice(Slot(time - 1) * batch * width, batch * width).CopyTo(_output.Span);
        return _output;
    }

    /// <summary>Writes the output gradient, time-major, as ∂L/∂ of the top layer's output sequence (zero where the output omits steps).</summary>
    private void ScatterOutputGradient(Tensor outputGradient)
    {
        int batch = _work.Batch, time = _work.Time, width = Units * Directions;
        var top = _work.OutputGradient(Settings.NumLayers - 1).Span;
        if (Settings.ReturnSequences)
        {
            SwapLeadingAxes(outputGradient.ReadOnlySpan, batch, time, width, top);
            return;
        }
        top.Clear();
        outputGradient.ReadOnlySpan.CopyTo(top.Slice((time - 1) * batch * width, batch * width));
    }

    private void CheckStateShape(TensorShape shape, string what)
    {
        int count = Settings.NumLayers * Directions;
        if (shape.Rank != 3 || shape[0] != count || shape[2] != Units)
            throw new ShapeException($"{Describe()}: {what} has shape {shape}; expected [{count}, batch, {Units}] ([layers·directions, batch, hidden]).");
    }

    /// <summary>[a, b, width] → [b, a, width].</summary>
    private static void SwapLeadingAxes(ReadOnlySpan<float> source, int a, int b, int width, Span<float> destination)
    {
        for (int i = 0; i < a; i++)
            for (int j = 0; j < b; j++)
                source.Slice((i * b + j) * width, width).CopyTo(destination.Slice((j * a + i) * width, width));
    }

    /// <summary>One direction's weights; the biases are null when the layer has none.</summary>
    private sealed record DirectionParameters(Parameter WeightIh, Parameter WeightHh, Parameter? BiasIh, Parameter? BiasHh);
}
