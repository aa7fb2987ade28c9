using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Valence.Nn.Initialization;
using Valence.Nn.Kernels;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>A 1-D convolution over time, PyTorch's <c>nn.Conv1d</c> with Keras' 'same' and 'causal' padding.</summary>
/// <remarks>
/// <para>Input [batch, inChannels, T] → output [batch, outChannels, T'] with T' given by
/// <see cref="Conv1DOptions.Geometry"/>. Parameters: <c>weight</c> [outChannels, inChannels/groups, kernelSize],
/// then <c>bias</c> [outChannels] when enabled.</para>
/// <para>y[b, o, t] = bias[o] + Σ_{c in o's group} Σ_k weight[o, c, k]·x[b, c, t·stride + k·dilation − padLeft],
/// computed as one product per group over the whole batch: Y = W·im2col(x).</para>
/// <para>Initialisation (PyTorch's default): weight and bias uniform in ±1/√fanIn, fanIn = inChannels/groups·kernelSize.</para>
/// </remarks>
public sealed class Conv1D : Layer
{
    private readonly Conv1DOptions _options;
    private readonly Parameter _weight;
    private readonly Parameter? _bias;
    /// <summary>
    /// The fewest batch items worth a thread of their own: one item of a typical layer is a product of about a
    /// million multiply-adds, a few microseconds, against microseconds to wake a thread.
    /// </summary>
    private const int MinimumBatchPerThread = 2;

    private Tensor? _columns;
    private Tensor? _channelMajor;
    private Tensor? _columnGradient;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private Window1D? _trainingWindow;

    /// <summary>Creates the layer with zero parameters; call <see cref="Layer.Initialize"/> to give them PyTorch's initial values.</summary>
    public Conv1D(string name, Conv1DOptions options) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _weight = AddParameter("weight", new TensorShape(options.OutChannels, options.InChannels / options.Groups, options.KernelSize));
        _bias = options.Bias ? AddParameter("bias", new TensorShape(options.OutChannels)) : null;
    }

    /// <inheritdoc />
    public override string TypeName => "Conv1D";

    /// <inheritdoc />
    public override object Options => _options;

    private int FanIn => _options.InChannels / _options.Groups * _options.KernelSize;

    /// <inheritdoc />
    public override void Initialize(Rng rng)
    {
        Init.FanInUniform(_weight.Value, FanIn, rng);
        if (_bias is not null) Init.FanInUniform(_bias.Value, FanIn, rng);
    }

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        var window = Window(inputShape);
        return new TensorShape(window.Batch, _options.OutChannels, window.OutputLength);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        var w = Window(input.Shape);
        var columns = Tensor.Reuse(ref _columns, new TensorShape(w.ColumnRows, w.ColumnCount));
        var output = Tensor.Reuse(ref _output, new TensorShape(w.Batch, _options.OutChannels, w.OutputLength));
        var slices = new BatchSlices(w.Batch, MinimumBatchPerThread, BatchSlices.SharedLoadSlices);
        var job = new Conv1DForwardJob(this, input, columns, output, w, slices);
        Workers.Run(ref job, slices.Count);
        _trainingWindow = training ? w : null;
        return output;
    }

    /// <summary>
    /// Forward for batch items [first, first + count): their columns of the column matrix (kept for Backward), then
    /// one product per item and group straight into the output.
    /// </summary>
    internal void ForwardBatches(Tensor input, Tensor columns, Tensor output, in Window1D w, int first, int count)
    {
        Im2Col.Unfold(input.ReadOnlySpan, columns.Span, w, first, count);
        int groupRows = FanIn, groupOutputs = _options.OutChannels / _options.Groups, length = w.OutputLength;
        var weight = _weight.Value.ReadOnlySpan;
        var y = output.Span;
        for (int b = first; b < first + count; b++)
        {
            for (int g = 0; g < _options.Groups; g++)
            {
                // y[b, o, :] = bias[o] + Σ_r W[o, r] columns[r, b·T' : (b+1)·T'] for the group's outputs o and rows r
                var target = y.Slice((b * _options.OutChannels + g * groupOutputs) * length, groupOutputs * length);
                if (_bias is not null)
                {
                    var bias = _bias.Value.ReadOnlySpan.Slice(g * groupOutputs, groupOutputs);
                    for (int o = 0; o < groupOutputs; o++) target.Slice(o * length, length).Fill(bias[o]);
                }
                Gemm.Multiply(false, false, groupOutputs, length, groupRows,
                    weight.Slice(g * groupOutputs * groupRows, groupOutputs * groupRows), groupRows,
                    columns.ReadOnlySpan[(g * groupRows * w.ColumnCount + b * length)..], w.ColumnCount,
                    target, length, accumulate: _bias is not null);
            }
        }
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        var w = _trainingWindow
            ?? throw NoTrainingForward();
        ShapeChecks.RequireOutputGradient(this, outputGradient.Shape, _output!.Shape);
        int groupRows = FanIn, groupOutputs = _options.OutChannels / _options.Groups, columnCount = w.ColumnCount;

        // G[o, b·T' + t] = dy[b, o, t]
        var gradient = Tensor.Reuse(ref _channelMajor, new TensorShape(_options.OutChannels, columnCount));
        var g = gradient.Span;
        var dy = outputGradient.ReadOnlySpan;
        for (int b = 0; b < w.Batch; b++)
            for (int o = 0; o < _options.OutChannels; o++)
                dy.Slice((b * _options.OutChannels + o) * w.OutputLength, w.OutputLength)
                    .CopyTo(g.Slice(o * columnCount + b * w.OutputLength, w.OutputLength));

        if (_bias is not null)
        {
            // dbias[o] += Σ_{b,t} G[o, b·T' + t]
            var biasGradient = _bias.Gradient.Span;
            for (int o = 0; o < _options.OutChannels; o++)
                biasGradient[o] += TensorPrimitives.Sum(g.Slice(o * columnCount, columnCount));
        }

        // dW_g += G_g·columns_gᵀ
        var columns = _columns!.ReadOnlySpan;
        var weightGradient = _weight.Gradient.Span;
        for (int group = 0; group < _options.Groups; group++)
        {
            Gemm.Multiply(false, true, groupOutputs, groupRows, columnCount,
                g.Slice(group * groupOutputs * columnCount, groupOutputs * columnCount), columnCount,
                columns.Slice(group * groupRows * columnCount, groupRows * columnCount), columnCount,
                weightGradient.Slice(group * groupOutputs * groupRows, groupOutputs * groupRows), groupRows,
                accumulate: true);
        }

        var inputGradient = Tensor.Reuse(ref _inputGradient, new TensorShape(w.Batch, w.Channels, w.Length));
        if (InputGradientRequired) ComputeInputGradient(gradient, inputGradient, w);
        return inputGradient;
    }

    private void ComputeInputGradient(Tensor gradient, Tensor inputGradient, in Window1D w)
    {
        int groupRows = FanIn, groupOutputs = _options.OutChannels / _options.Groups, columnCount = w.ColumnCount;
        var columnGradient = Tensor.Reuse(ref _columnGradient, new TensorShape(w.ColumnRows, columnCount));
        var weight = _weight.Value.ReadOnlySpan;
        // dcolumns_g = W_gᵀ·G_g
        for (int group = 0; group < _options.Groups; group++)
        {
            Gemm.Multiply(true, false, groupRows, columnCount, groupOutputs,
                weight.Slice(group * groupOutputs * groupRows, groupOutputs * groupRows), groupRows,
                gradient.ReadOnlySpan.Slice(group * groupOutputs * columnCount, groupOutputs * columnCount), columnCount,
                columnGradient.Span.Slice(group * groupRows * columnCount, groupRows * columnCount), columnCount);
        }
        // dx = col2im(dcolumns)
        inputGradient.Clear();
        Im2Col.Fold(columnGradient.ReadOnlySpan, inputGradient.Span, w);
    }

    /// <summary>Validates an input shape and works out the sliding-window geometry over it.</summary>
    private Window1D Window(TensorShape inputShape)
    {
        ShapeChecks.RequireBatchChannelsTime(this, inputShape);
        int channels = inputShape[1], length = inputShape[2];
        if (channels % _options.Groups != 0)
            throw new ShapeException($"{Describe()}: input has {channels} channels, not divisible by groups={_options.Groups} (input shape {inputShape}); the layer expects inChannels={_options.InChannels}.");
        if (channels != _options.InChannels)
            throw new ShapeException($"{Describe()}: input has {channels} channels, expected inChannels={_options.InChannels} (input shape {inputShape}).");
        var (left, right, outputLength) = _options.Geometry(length);
        if (outputLength < 1)
            throw new ShapeException($"{Describe()}: time axis of {length} steps is too short for kernel {_options.KernelSize} with dilation {_options.Dilation} (receptive field {_options.ReceptiveField} steps, padding {left}+{right}) (input shape {inputShape}).");
        return new Window1D(inputShape[0], channels, length, _options.KernelSize, _options.Stride, _options.Dilation, left, outputLength);
    }
}
