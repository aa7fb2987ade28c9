using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using System.Text.Json.Nodes;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// keras-tcn's residual block on [batch, channels, time]: two dilated convolutions, each followed by ReLU and
/// spatial dropout, added to the input (through a 1×1 convolution when the channel counts differ), then ReLU.
/// </summary>
/// <remarks>
/// branch = Dropout(ReLU(Conv2(Dropout(ReLU(Conv1(x)))))); skip = x or Conv1×1(x);
/// output = ReLU(branch + skip). The branch output is kept (<see cref="BranchOutput"/>) because a
/// <see cref="Tcn"/> with skip connections sums the branches of all its blocks.
/// Parameters: <c>conv1.*</c>, <c>conv2.*</c> and, when channels differ, <c>downsample.*</c>.
/// </remarks>
public sealed class TcnResidualBlock : Layer
{
    private readonly TcnResidualBlockOptions _options;
    private readonly Conv1D _conv1, _conv2;
    private readonly Layer[] _branch;
    private readonly Conv1D? _downsample;
    private readonly ReLU _outputActivation;
    private readonly Layer[] _children;
    private Tensor? _sum, _branchGradient, _inputGradient;
    private Tensor? _branchOutput;

    /// <summary>Creates the block and its layers.</summary>
    public TcnResidualBlock(string name, TcnResidualBlockOptions options) : base(name)
    {
        _options = options;
        _conv1 = new Conv1D("conv1", ConvOptions(options.InputChannels, options.KernelSize, options.Dilation));
        _conv2 = new Conv1D("conv2", ConvOptions(options.Filters, options.KernelSize, options.Dilation));
        var dropout = new DropoutOptions(options.DropoutRate, spatial: true);
        _branch = [_conv1, new ReLU("relu1"), new Dropout("dropout1", dropout), _conv2, new ReLU("relu2"), new Dropout("dropout2", dropout)];
        if (options.InputChannels != options.Filters)
            _downsample = new Conv1D("downsample", new Conv1DOptions(options.InputChannels, options.Filters, 1));
        _outputActivation = new ReLU("relu_out");
        _children = _downsample is null ? [.. _branch, _outputActivation] : [.. _branch, _downsample, _outputActivation];

        Conv1DOptions ConvOptions(int inChannels, int kernel, int dilation) =>
            new(inChannels, options.Filters, kernel, dilation: dilation, padding: options.Padding);
    }

    /// <inheritdoc />
    public override string TypeName => "TcnResidualBlock";

    /// <inheritdoc />
    public override object Options => _options;

    /// <inheritdoc />
    public override IReadOnlyList<Layer> Children => _children;

    /// <summary>The branch output of the last Forward, before the residual addition (its layer owns it).</summary>
    public Tensor BranchOutput => _branchOutput ?? throw new InvalidOperationException($"{Describe()} has not run Forward yet.");

    /// <inheritdoc />
    public override bool InputGradientRequired
    {
        get => _conv1.InputGradientRequired;
        set
        {
            _conv1.InputGradientRequired = value;
            if (_downsample is not null) _downsample.InputGradientRequired = value;
        }
    }

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        var shape = inputShape;
        foreach (var layer in _branch) shape = layer.GetOutputShape(shape);
        return shape;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        var branch = input;
        foreach (var layer in _branch) branch = layer.Forward(branch, training);
        _branchOutput = branch;
        var skip = _downsample?.Forward(input, training) ?? input;
        var sum = Tensor.Reuse(ref _sum, branch.Shape);
        TensorPrimitives.Add(branch.ReadOnlySpan, skip.ReadOnlySpan, sum.Span);
        return _outputActivation.Forward(sum, training);
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient) => Backward(outputGradient, null);

    /// <summary>
    /// Backward when the branch output also feeds a TCN's skip-connection sum: <paramref name="branchGradient"/> is
    /// the gradient arriving there (null when it feeds nothing else).
    /// </summary>
    public Tensor Backward(Tensor outputGradient, Tensor? branchGradient)
    {
        var sumGradient = _outputActivation.Backward(outputGradient);
        var gradient = sumGradient;
        if (branchGradient is not null)
        {
            gradient = Tensor.Reuse(ref _branchGradient, sumGradient.Shape);
            TensorPrimitives.Add(sumGradient.ReadOnlySpan, branchGradient.ReadOnlySpan, gradient.Span);
        }
        for (int i = _branch.Length - 1; i >= 0; i--) gradient = _branch[i].Backward(gradient);

        // The skip path's gradient is dSum itself (identity) or through the 1×1 convolution.
        var skipGradient = _downsample is null ? sumGradient : _downsample.Backward(sumGradient);
        var inputGradient = Tensor.Reuse(ref _inputGradient, gradient.Shape);
        if (InputGradientRequired)
            TensorPrimitives.Add(gradient.ReadOnlySpan, skipGradient.ReadOnlySpan, inputGradient.Span);
        return inputGradient;
    }

    /// <summary>The configuration holds the options only: the block builds its own layers from them.</summary>
    public override JsonObject ToConfig()
    {
        var config = base.ToConfig();
        config.Remove("layers");
        return config;
    }
}
