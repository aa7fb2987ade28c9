using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Valence.Nn.Initialization;
using Valence.Nn.Kernels;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>A fully connected layer, PyTorch's <c>nn.Linear</c>: y = x·Wᵀ + b over the last axis.</summary>
/// <remarks>
/// <para>Input [batch, …, inFeatures] → output [batch, …, outFeatures]; leading axes are treated as rows, as in
/// PyTorch. Parameters: <c>weight</c> [outFeatures, inFeatures], then <c>bias</c> [outFeatures] when enabled.</para>
/// <para>Initialisation (PyTorch's default): weight and bias uniform in ±1/√inFeatures.</para>
/// </remarks>
public sealed class Dense : Layer
{
    private readonly DenseOptions _options;
    private readonly Parameter _weight;
    private readonly Parameter? _bias;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private Tensor? _trainingInput;

    /// <summary>Creates the layer with zero parameters; call <see cref="Layer.Initialize"/> to give them PyTorch's initial values.</summary>
    public Dense(string name, DenseOptions options) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _weight = AddParameter("weight", new TensorShape(options.OutFeatures, options.InFeatures));
        _bias = options.Bias ? AddParameter("bias", new TensorShape(options.OutFeatures)) : null;
    }

    /// <inheritdoc />
    public override string TypeName => "Dense";

    /// <inheritdoc />
    public override object Options => _options;

    /// <inheritdoc />
    public override void Initialize(Rng rng)
    {
        Init.FanInUniform(_weight.Value, _options.InFeatures, rng);
        if (_bias is not null) Init.FanInUniform(_bias.Value, _options.InFeatures, rng);
    }

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        if (inputShape.Rank < 2)
            throw new ShapeException($"{Describe()}: expected an input [batch, …, inFeatures] of rank 2 or more, got shape {inputShape}.");
        if (inputShape[-1] != _options.InFeatures)
            throw new ShapeException($"{Describe()}: input has {inputShape[-1]} features on its last axis, expected inFeatures={_options.InFeatures} (input shape {inputShape}).");
        return inputShape.Rank switch
        {
            2 => new TensorShape(inputShape[0], _options.OutFeatures),
            3 => new TensorShape(inputShape[0], inputShape[1], _options.OutFeatures),
            _ => new TensorShape(inputShape[0], inputShape[1], inputShape[2], _options.OutFeatures),
        };
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        var output = Tensor.Reuse(ref _output, GetOutputShape(input.Shape));
        int rows = input.Length / _options.InFeatures;
        int inFeatures = _options.InFeatures, outFeatures = _options.OutFeatures;
        // y = x·Wᵀ, every row of the batch in one product
        Gemm.Multiply(false, true, rows, outFeatures, inFeatures,
            input.ReadOnlySpan, inFeatures, _weight.Value.ReadOnlySpan, inFeatures, output.Span, outFeatures);
        if (_bias is not null)
        {
            // y[r] += b
            var bias = _bias.Value.ReadOnlySpan;
            var y = output.Span;
            for (int r = 0; r < rows; r++)
            {
                var row = y.Slice(r * outFeatures, outFeatures);
                TensorPrimitives.Add(row, bias, row);
            }
        }
        _trainingInput = training ? input : null;
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        var input = _trainingInput
            ?? throw NoTrainingForward();
        ShapeChecks.RequireOutputGradient(this, outputGradient.Shape, _output!.Shape);
        int rows = input.Length / _options.InFeatures;
        int inFeatures = _options.InFeatures, outFeatures = _options.OutFeatures;
        var g = outputGradient.ReadOnlySpan;

        // dW += gᵀ·x
        Gemm.Multiply(true, false, outFeatures, inFeatures, rows,
            g, outFeatures, input.ReadOnlySpan, inFeatures, _weight.Gradient.Span, inFeatures, accumulate: true);
        if (_bias is not null)
        {
            // db += Σ_rows g[r]
            var biasGradient = _bias.Gradient.Span;
            for (int r = 0; r < rows; r++)
                TensorPrimitives.Add(biasGradient, g.Slice(r * outFeatures, outFeatures), biasGradient);
        }

        var inputGradient = Tensor.Reuse(ref _inputGradient, input.Shape);
        if (InputGradientRequired)
        {
            // dx = g·W
            Gemm.Multiply(false, false, rows, inFeatures, outFeatures,
                g, outFeatures, _weight.Value.ReadOnlySpan, inFeatures, inputGradient.Span, inFeatures);
        }
        return inputGradient;
    }
}

/// <summary>Settings of a <see cref="Dense"/> layer (PyTorch's <c>nn.Linear(in_features, out_features, bias)</c>).</summary>
public sealed record DenseOptions
{
    /// <summary>Validates and creates the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is zero or negative.</exception>
    public DenseOptions(int inFeatures, int outFeatures, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Bias = bias;
    }

    /// <summary>Size of the input's last axis.</summary>
    public int InFeatures { get; }

    /// <summary>Size of the output's last axis.</summary>
    public int OutFeatures { get; }

    /// <summary>Whether the layer adds a learned bias.</summary>
    public bool Bias { get; }
}
