using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Valence.Emotion.Models;

/// <summary>
/// Standardises each feature of a [batch, features] input with statistics fitted to the training data
/// (scikit-learn's StandardScaler): y = (x − mean) / std.
/// </summary>
/// <remarks>
/// <para>The buffers <c>mean</c> and <c>std</c> [features] start at 0 and 1 (the identity) and are set by the fit
/// (<see cref="IDataFittedLayer"/>): the mean and the population standard deviation (ddof = 0) of every feature over
/// all training rows, summed in double. A feature with a standard deviation below 1e-12 gets std = 1, as
/// StandardScaler does, so a constant feature maps to 0 instead of dividing by zero.</para>
/// <para>Training does not change the buffers; Backward returns ∂x = ∂y / std.</para>
/// </remarks>
public sealed class FeatureStandardizer : Layer, IDataFittedLayer
{
    private const double SmallestStd = 1e-12;

    private readonly FeatureStandardizerOptions _options;
    private readonly Tensor _mean;
    private readonly Tensor _std;
    private readonly double[] _sum;
    private readonly double[] _sumOfSquares;
    private long _fittedRows;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private bool _hasTrainingCache;

    /// <summary>Creates the layer as the identity (mean 0, std 1) until it is fitted.</summary>
    public FeatureStandardizer(string name, FeatureStandardizerOptions options) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _mean = AddBuffer("mean", new TensorShape(options.Features));
        _std = AddBuffer("std", new TensorShape(options.Features));
        _sum = new double[options.Features];
        _sumOfSquares = new double[options.Features];
        ResetToIdentity();
    }

    /// <inheritdoc />
    public override string TypeName => "FeatureStandardizer";

    /// <inheritdoc />
    public override object Options => _options;

    /// <summary>The fitted means, one per feature.</summary>
    public ReadOnlySpan<float> Mean => _mean.ReadOnlySpan;

    /// <summary>The fitted standard deviations, one per feature.</summary>
    public ReadOnlySpan<float> Std => _std.ReadOnlySpan;

    /// <summary>Resets the statistics to the identity (mean 0, std 1); draws nothing.</summary>
    public override void Initialize(Rng rng) => ResetToIdentity();

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        if (inputShape.Rank != 2 || inputShape[1] != _options.Features)
            throw new ShapeException($"{Describe()}: expected an input [batch, {_options.Features}], got shape {inputShape}.");
        return inputShape;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        var output = Tensor.Reuse(ref _output, GetOutputShape(input.Shape));
        int features = _options.Features;
        var x = input.ReadOnlySpan;
        var y = output.Span;
        for (int row = 0; row < input.Shape[0]; row++)
        {
            // y = (x − mean) / std
            var target = y.Slice(row * features, features);
            TensorPrimitives.Subtract(x.Slice(row * features, features), _mean.ReadOnlySpan, target);
            TensorPrimitives.Divide(target, _std.ReadOnlySpan, target);
        }
        _hasTrainingCache = training;
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        if (!_hasTrainingCache)
            throw new InvalidOperationException($"{Describe()}: Backward needs a preceding Forward with training=true.");
        if (outputGradient.Shape != _output!.Shape)
            throw new ShapeException($"{Describe()} output gradient: expected the output's shape {_output.Shape}, got {outputGradient.Shape}.");
        var inputGradient = Tensor.Reuse(ref _inputGradient, outputGradient.Shape);
        if (!InputGradientRequired) return inputGradient;
        int features = _options.Features;
        for (int row = 0; row < outputGradient.Shape[0]; row++)
        {
            // ∂x = ∂y / std
            TensorPrimitives.Divide(outputGradient.ReadOnlySpan.Slice(row * features, features), _std.ReadOnlySpan,
                inputGradient.Span.Slice(row * features, features));
        }
        return inputGradient;
    }

    /// <inheritdoc />
    public void BeginFit()
    {
        Array.Clear(_sum);
        Array.Clear(_sumOfSquares);
        _fittedRows = 0;
    }

    /// <inheritdoc />
    public void AccumulateFit(Tensor input)
    {
        GetOutputShape(input.Shape);
        int features = _options.Features;
        var x = input.ReadOnlySpan;
        for (int row = 0; row < input.Shape[0]; row++)
            for (int f = 0; f < features; f++)
            {
                double v = x[row * features + f];
                _sum[f] += v;
                _sumOfSquares[f] += v * v;
            }
        _fittedRows += input.Shape[0];
    }

    /// <inheritdoc />
    public void EndFit()
    {
        if (_fittedRows == 0)
            throw new InvalidOperationException($"{Describe()}: no rows were accumulated; a fit needs at least one training window.");
        for (int f = 0; f < _options.Features; f++)
        {
            // mean = Σx/n, variance = Σx²/n − mean² (population)
            double mean = _sum[f] / _fittedRows;
            double variance = Math.Max(_sumOfSquares[f] / _fittedRows - mean * mean, 0);
            double std = Math.Sqrt(variance);
            _mean.Span[f] = (float)mean;
            _std.Span[f] = std < SmallestStd ? 1f : (float)std;
        }
    }

    private void ResetToIdentity()
    {
        _mean.Clear();
        _std.Fill(1f);
    }
}

/// <summary>Settings of <see cref="FeatureStandardizer"/>.</summary>
public sealed record FeatureStandardizerOptions
{
    /// <summary>Validates and creates the settings.</summary>
    /// <param name="features">Features per row, at least 1.</param>
    public FeatureStandardizerOptions(int features)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        Features = features;
    }

    /// <summary>Features per row.</summary>
    public int Features { get; }
}
