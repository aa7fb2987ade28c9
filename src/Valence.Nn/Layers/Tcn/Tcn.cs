using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using System.Text.Json.Nodes;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// A temporal convolutional network with keras-tcn's semantics: residual blocks with dilations 1, 2, 4, … on
/// [batch, channels, time], optionally summing every block's branch (skip connections).
/// </summary>
/// <remarks>
/// Output: [batch, filters, time] when <see cref="TcnOptions.ReturnSequences"/>, else [batch, filters] taken at the
/// last time step (causal) or the middle one (Same), as keras-tcn's slicer. Blocks are named <c>block0</c>,
/// <c>block1</c>, …; their parameters <c>block0.conv1.weight</c> and so on.
/// </remarks>
public sealed class Tcn : Layer
{
    private readonly TcnOptions _options;
    private readonly TcnResidualBlock[] _blocks;
    private Tensor? _skipSum, _output, _sequenceGradient, _zeroGradient;
    private TensorShape _sequenceShape;

    /// <summary>Creates the network and its blocks.</summary>
    public Tcn(string name, TcnOptions options) : base(name)
    {
        _options = options;
        _blocks = new TcnResidualBlock[options.BlockCount];
        for (int i = 0; i < _blocks.Length; i++)
            _blocks[i] = new TcnResidualBlock($"block{i}", options.Block(i, i == 0 ? options.InputChannels : options.Filters));
    }

    /// <inheritdoc />
    public override string TypeName => "Tcn";

    /// <inheritdoc />
    public override object Options => _options;

    /// <inheritdoc />
    public override IReadOnlyList<Layer> Children => _blocks;

    /// <inheritdoc />
    public override bool InputGradientRequired
    {
        get => _blocks[0].InputGradientRequired;
        set => _blocks[0].InputGradientRequired = value;
    }

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        var shape = inputShape;
        foreach (var block in _blocks) shape = block.GetOutputShape(shape);
        return _options.ReturnSequences ? shape : new TensorShape(shape[0], shape[1]);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        var x = input;
        foreach (var block in _blocks) x = block.Forward(x, training);
        _sequenceShape = x.Shape;
        var sequence = x;
        if (_options.UseSkipConnections)
        {
            sequence = Tensor.Reuse(ref _skipSum, x.Shape);
            _blocks[0].BranchOutput.ReadOnlySpan.CopyTo(sequence.Span);
            for (int i = 1; i < _blocks.Length; i++)
                TensorPrimitives.Add(sequence.ReadOnlySpan, _blocks[i].BranchOutput.ReadOnlySpan, sequence.Span);
        }
        if (_options.ReturnSequences) return sequence;
        var output = Tensor.Reuse(ref _output, new TensorShape(x.Shape[0], x.Shape[1]));
        SliceStep(sequence, output, OutputStep(x.Shape[2]));
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        var sequenceGradient = outputGradient;
        if (!_options.ReturnSequences)
        {
            sequenceGradient = Tensor.Reuse(ref _sequenceGradient, _sequenceShape);
            sequenceGradient.Clear();
            ScatterStep(outputGradient, sequenceGradient, OutputStep(_sequenceShape[2]));
        }
        if (!_options.UseSkipConnections)
        {
            var g = sequenceGradient;
            for (int i = _blocks.Length - 1; i >= 0; i--) g = _blocks[i].Backward(g);
            return g;
        }
        // With skip connections the last block's residual output is unused: its gradient is zero, and every
        // branch receives the gradient of the sum.
        var zero = Tensor.Reuse(ref _zeroGradient, _sequenceShape);
        zero.Clear();
        var gradient = zero;
        for (int i = _blocks.Length - 1; i >= 0; i--) gradient = _blocks[i].Backward(gradient, sequenceGradient);
        return gradient;
    }

    /// <summary>The configuration holds the options only: the network builds its own blocks from them.</summary>
    public override JsonObject ToConfig()
    {
        var config = base.ToConfig();
        config.Remove("layers");
        return config;
    }

    private int OutputStep(int time) => _options.Padding == PaddingMode.Same ? time / 2 : time - 1;

    private static void SliceStep(Tensor sequence, Tensor output, int step)
    {
        int rows = output.Length, time = sequence.Shape[2];
        var s = sequence.ReadOnlySpan;
        var o = output.Span;
        for (int r = 0; r < rows; r++) o[r] = s[r * time + step];
    }

    private static void ScatterStep(Tensor gradient, Tensor sequenceGradient, int step)
    {
        int rows = gradient.Length, time = sequenceGradient.Shape[2];
        var g = gradient.ReadOnlySpan;
        var s = sequenceGradient.Span;
        for (int r = 0; r < rows; r++) s[r * time + step] = g[r];
    }
}
