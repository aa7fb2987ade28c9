using Valence.Nn.Initialization;
using Valence.Nn.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Valence.Nn.Layers;

/// <summary>
/// Batch normalisation over the channels of a [batch, channels] or [batch, channels, time] input (PyTorch
/// <c>nn.BatchNorm1d</c>): y = γ·(x − μ)/√(σ² + ε) + β per channel.
/// </summary>
/// <remarks>
/// <para>Training normalises with the statistics of the batch (over batch and time; σ² biased) and updates the
/// buffers <c>running_mean</c> and <c>running_var</c> as running = (1 − momentum)·running + momentum·batch, using
/// the unbiased variance, as PyTorch does. Inference normalises with the running statistics.</para>
/// <para>Parameters: <c>weight</c> (γ) and <c>bias</c> (β), both [channels], when <see cref="BatchNorm1DOptions.Affine"/>.
/// PyTorch's <c>num_batches_tracked</c> is not kept: it only matters for momentum = None, which is not supported.</para>
/// </remarks>
public sealed class BatchNorm1D : Layer
{
    private readonly BatchNorm1DOptions _options;
    private readonly Parameter? _weight;
    private readonly Parameter? _bias;
    private readonly Tensor _runningMean;
    private readonly Tensor _runningVariance;
    private readonly Tensor _inverseStd;
    private Tensor? _normalized;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private bool _hasTrainingCache;

    /// <summary>Creates the layer with γ = 1, β = 0, running mean 0 and running variance 1.</summary>
    public BatchNorm1D(string name, BatchNorm1DOptions options) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        int channels = options.NumFeatures;
        if (options.Affine)
        {
            _weight = AddParameter("weight", new TensorShape(channels));
            _bias = AddParameter("bias", new TensorShape(channels));
        }
        _runningMean = AddBuffer("running_mean", new TensorShape(channels));
        _runningVariance = AddBuffer("running_var", new TensorShape(channels));
        _inverseStd = new Tensor(channels);
        ResetToDefaults();
    }

    /// <inheritdoc />
    public override string TypeName => "BatchNorm1D";

    /// <inheritdoc />
    public override object Options => _options;

    /// <summary>Resets γ to 1, β to 0 and the running statistics to mean 0, variance 1, as PyTorch's reset_parameters; draws nothing.</summary>
    public override void Initialize(Rng rng) => ResetToDefaults();

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        if (inputShape.Rank is not (2 or 3))
            throw new ShapeException($"{Describe()}: expected a [batch, channels] or [batch, channels, time] input, got shape {inputShape}.");
        if (inputShape[1] != _options.NumFeatures)
            throw new ShapeException($"{Describe()}: input has {inputShape[1]} channels, expected numFeatures={_options.NumFeatures} (input shape {inputShape}).");
        return inputShape;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        _hasTrainingCache = false;
        var output = Tensor.Reuse(ref _output, GetOutputShape(input.Shape));
        if (training)
            NormalizeWithBatchStatistics(input, output);
        else
            NormalizeWithRunningStatistics(input, output);
        _hasTrainingCache = training;
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        if (!_hasTrainingCache)
            throw NoTrainingForward();
        var normalized = _normalized!;
        ShapeChecks.RequireOutputGradient(this, outputGradient.Shape, normalized.Shape);
        var inputGradient = Tensor.Reuse(ref _inputGradient, normalized.Shape);
        var layout = new Layout(normalized.Shape);
        for (int c = 0; c < layout.Channels; c++)
        {
            // Σ dL/dy and Σ dL/dy·x̂ over the channel's n values.
            double gradientSum = 0, gradientDotNormalized = 0;
            for (int b = 0; b < layout.Batch; b++)
            {
                var dy = layout.Row(outputGradient.ReadOnlySpan, b, c);
                gradientSum += TensorPrimitives.Sum(dy);
                gradientDotNormalized += TensorPrimitives.Dot(dy, layout.Row(normalized.ReadOnlySpan, b, c));
            }
            if (_weight is not null)
            {
                // dL/dγ = Σ dL/dy·x̂;  dL/dβ = Σ dL/dy
                _weight.Gradient.Span[c] += (float)gradientDotNormalized;
                _bias!.Gradient.Span[c] += (float)gradientSum;
            }
            if (InputGradientRequired)
                InputGradientOfChannel(layout, c, outputGradient, normalized, inputGradient, gradientSum, gradientDotNormalized);
        }
        return inputGradient;
    }

    // dL/dx = γ/(n·√(σ² + ε))·(n·dL/dy − Σ dL/dy − x̂·Σ dL/dy·x̂), written as a·dL/dy + k + k'·x̂.
    private void InputGradientOfChannel(Layout layout, int c, Tensor outputGradient, Tensor normalized, Tensor inputGradient,
        double gradientSum, double gradientDotNormalized)
    {
        float a = Gamma(c) * _inverseStd.Span[c];
        float offset = (float)(-a * gradientSum / layout.CountPerChannel);
        float normalizedFactor = (float)(-a * gradientDotNormalized / layout.CountPerChannel);
        for (int b = 0; b < layout.Batch; b++)
        {
            var dx = layout.Row(inputGradient.Span, b, c);
            TensorPrimitives.Multiply(layout.Row(outputGradient.ReadOnlySpan, b, c), a, dx);
            TensorPrimitives.Add(dx, offset, dx);
            TensorPrimitives.MultiplyAdd(layout.Row(normalized.ReadOnlySpan, b, c), normalizedFactor, dx, dx);
        }
    }

    private void NormalizeWithBatchStatistics(Tensor input, Tensor output)
    {
        var layout = new Layout(input.Shape);
        if (layout.CountPerChannel < 2)
            throw new ShapeException($"{Describe()}: training needs more than one value per channel to estimate a variance, got input shape {input.Shape}.");
        var normalized = Tensor.Reuse(ref _normalized, input.Shape);
        int n = layout.CountPerChannel;
        for (int c = 0; c < layout.Channels; c++)
        {
            // μ = Σx / n
            double sum = 0;
            for (int b = 0; b < layout.Batch; b++) sum += TensorPrimitives.Sum(layout.Row(input.ReadOnlySpan, b, c));
            float mean = (float)(sum / n);

            // σ² = Σ(x − μ)² / n, with x − μ kept in the x̂ cache
            double squares = 0;
            for (int b = 0; b < layout.Batch; b++)
            {
                var centred = layout.Row(normalized.Span, b, c);
                TensorPrimitives.Subtract(layout.Row(input.ReadOnlySpan, b, c), mean, centred);
                squares += TensorPrimitives.SumOfSquares(centred);
            }
            double variance = squares / n;
            float inverseStd = (float)(1.0 / Math.Sqrt(variance + _options.Epsilon));
            _inverseStd.Span[c] = inverseStd;

            // x̂ = (x − μ)/√(σ² + ε);  y = γ·x̂ + β
            float gamma = Gamma(c), beta = Beta(c);
            for (int b = 0; b < layout.Batch; b++)
            {
                var xHat = layout.Row(normalized.Span, b, c);
                var y = layout.Row(output.Span, b, c);
                TensorPrimitives.Multiply(xHat, inverseStd, xHat);
                TensorPrimitives.Multiply(xHat, gamma, y);
                TensorPrimitives.Add(y, beta, y);
            }

            // running = (1 − momentum)·running + momentum·batch, the variance unbiased: σ²·n/(n − 1)
            float momentum = _options.Momentum;
            _runningMean.Span[c] = (1f - momentum) * _runningMean.Span[c] + momentum * mean;
            _runningVariance.Span[c] = (float)((1.0 - momentum) * _runningVariance.Span[c] + momentum * squares / (n - 1));
        }
    }

    private void NormalizeWithRunningStatistics(Tensor input, Tensor output)
    {
        var layout = new Layout(input.Shape);
        for (int c = 0; c < layout.Channels; c++)
        {
            // y = γ·(x − running_mean)/√(running_var + ε) + β = x·scale + shift
            float scale = Gamma(c) / MathF.Sqrt(_runningVariance.Span[c] + _options.Epsilon);
            float shift = Beta(c) - _runningMean.Span[c] * scale;
            for (int b = 0; b < layout.Batch; b++)
            {
                var y = layout.Row(output.Span, b, c);
                TensorPrimitives.Multiply(layout.Row(input.ReadOnlySpan, b, c), scale, y);
                TensorPrimitives.Add(y, shift, y);
            }
        }
    }

    private float Gamma(int channel) => _weight is null ? 1f : _weight.Value.Span[channel];

    private float Beta(int channel) => _bias is null ? 0f : _bias.Value.Span[channel];

    private void ResetToDefaults()
    {
        _weight?.Value.Fill(1f);
        _bias?.Value.Clear();
        _runningMean.Clear();
        _runningVariance.Fill(1f);
    }

    // A [batch, channels] input is read as [batch, channels, 1]: (b, c) owns the contiguous row of its time steps.
    private readonly struct Layout(TensorShape shape)
    {
        public int Batch { get; } = shape[0];
        public int Channels { get; } = shape[1];
        public int Time { get; } = shape.Rank == 3 ? shape[2] : 1;
        public int CountPerChannel => Batch * Time;

        public Span<float> Row(Span<float> values, int b, int c) => values.Slice((b * Channels + c) * Time, Time);

        public ReadOnlySpan<float> Row(ReadOnlySpan<float> values, int b, int c) => values.Slice((b * Channels + c) * Time, Time);
    }
}

/// <summary>Settings of <see cref="BatchNorm1D"/>; the names and defaults are PyTorch's.</summary>
public sealed record BatchNorm1DOptions
{
    /// <summary>Creates the settings.</summary>
    public BatchNorm1DOptions(int numFeatures, float epsilon = 1e-5f, float momentum = 0.1f, bool affine = true)
    {
        NumFeatures = numFeatures;
        Epsilon = epsilon;
        Momentum = momentum;
        Affine = affine;
    }

    /// <summary>The number of channels C of the [batch, C] or [batch, C, time] input (PyTorch's <c>num_features</c>).</summary>
    public int NumFeatures
    {
        get;
        init => field = value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(NumFeatures), value, "BatchNorm1D: numFeatures (the channel count) must be at least 1.");
    }

    /// <summary>ε, added to the variance before the square root (PyTorch's <c>eps</c>); positive and finite.</summary>
    public float Epsilon
    {
        get;
        init => field = value > 0f && float.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(Epsilon), value, "BatchNorm1D: epsilon must be a positive finite number (it keeps 1/√(σ² + ε) finite).");
    }

    /// <summary>The weight of the new batch in the running statistics' update, in [0, 1] (PyTorch's <c>momentum</c>, not Keras's).</summary>
    public float Momentum
    {
        get;
        init => field = value is >= 0f and <= 1f ? value
            : throw new ArgumentOutOfRangeException(nameof(Momentum), value, "BatchNorm1D: momentum must be in [0, 1]: running = (1 − momentum)·running + momentum·batch.");
    }

    /// <summary>Whether the layer has the learnable per-channel scale <c>weight</c> (γ) and shift <c>bias</c> (β).</summary>
    public bool Affine { get; init; }
}
