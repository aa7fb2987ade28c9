using Valence.Nn.Initialization;
using Valence.Nn.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Valence.Nn.Layers;

/// <summary>
/// Inverted dropout (PyTorch <c>nn.Dropout</c>): in training each value is zeroed with probability p and the
/// survivors are scaled by 1/(1 − p), so inference is the identity. With <see cref="DropoutOptions.Spatial"/> it
/// drops whole channels of a [batch, channels, time] input across time instead (PyTorch <c>nn.Dropout1d</c>,
/// Keras <c>SpatialDropout1D</c>).
/// </summary>
/// <remarks>
/// Masks come from a generator forked from the model's in <see cref="Initialize"/>, so the same seed gives the
/// same masks; each training Forward draws a new mask, which Backward reuses.
/// </remarks>
public sealed class Dropout : Layer
{
    // "DROPOUT" in ASCII: names this layer's stream among the generators forked from the model's.
    private const ulong MaskStream = 0x44524F504F5554UL;

    private readonly DropoutOptions _options;
    private Rng? _rng;
    private Tensor? _mask;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private bool _hasTrainingCache;

    /// <summary>Creates the layer; without <paramref name="options"/> p is PyTorch's default, 0.5.</summary>
    public Dropout(string name, DropoutOptions? options = null) : base(name) => _options = options ?? new DropoutOptions();

    /// <inheritdoc />
    public override string TypeName => "Dropout";

    /// <inheritdoc />
    public override object Options => _options;

    /// <summary>Takes this layer's mask generator from <paramref name="rng"/>.</summary>
    public override void Initialize(Rng rng) => _rng = rng.Fork(MaskStream);

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        if (_options.Spatial && inputShape.Rank != 3)
            throw new ShapeException($"{Describe()}: spatial dropout drops whole channels of a [batch, channels, time] input, but the input has shape {inputShape}.");
        return inputShape;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        _hasTrainingCache = false;
        var output = Tensor.Reuse(ref _output, GetOutputShape(input.Shape));
        if (!training)
        {
            input.CopyTo(output);
            return output;
        }
        var rng = _rng ?? throw new InvalidOperationException(
            $"{Describe()}: call Initialize(rng) before a training Forward; dropout masks come from the model's seeded generator.");
        var mask = Tensor.Reuse(ref _mask, MaskShape(input.Shape));
        DrawMask(rng, mask.Span);
        ApplyMask(input, mask, output);
        _hasTrainingCache = true;
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        if (!_hasTrainingCache)
            throw NoTrainingForward();
        ShapeChecks.RequireOutputGradient(this, outputGradient.Shape, _output!.Shape);
        var inputGradient = Tensor.Reuse(ref _inputGradient, outputGradient.Shape);
        if (InputGradientRequired)
            ApplyMask(outputGradient, _mask!, inputGradient);
        return inputGradient;
    }

    // One mask value per element, or per (batch, channel) in spatial mode.
    private TensorShape MaskShape(TensorShape inputShape) =>
        _options.Spatial ? new TensorShape(inputShape[0], inputShape[1]) : inputShape;

    // mᵢ = 0 with probability p, else 1/(1 − p), so that E[mᵢ] = 1.
    private void DrawMask(Rng rng, Span<float> mask)
    {
        float rate = _options.Rate;
        float scale = 1f / (1f - rate);
        for (int i = 0; i < mask.Length; i++)
            mask[i] = rng.NextFloat() < rate ? 0f : scale;
    }

    // destination = source ⊙ mask, the mask broadcast over time in spatial mode.
    private void ApplyMask(Tensor source, Tensor mask, Tensor destination)
    {
        if (!_options.Spatial)
        {
            TensorPrimitives.Multiply(source.ReadOnlySpan, mask.ReadOnlySpan, destination.Span);
            return;
        }
        int time = source.Shape[2];
        var m = mask.ReadOnlySpan;
        for (int row = 0; row < m.Length; row++)
            TensorPrimitives.Multiply(source.ReadOnlySpan.Slice(row * time, time), m[row], destination.Span.Slice(row * time, time));
    }
}

/// <summary>Settings of <see cref="Dropout"/>.</summary>
public sealed record DropoutOptions
{
    /// <summary>Creates the settings; the default rate is PyTorch's.</summary>
    public DropoutOptions(float rate = 0.5f, bool spatial = false)
    {
        Rate = rate;
        Spatial = spatial;
    }

    /// <summary>p, the probability that a value (or, in spatial mode, a whole channel) is zeroed; in [0, 1).</summary>
    public float Rate
    {
        get;
        init => field = value is >= 0f and < 1f ? value
            : throw new ArgumentOutOfRangeException(nameof(Rate), value,
                "Dropout: the rate p must be in [0, 1): it is the probability of dropping a value, and p = 1 would drop everything (the survivors' scale 1/(1 − p) would be infinite).");
    }

    /// <summary>Whether to drop whole channels of a [batch, channels, time] input across time instead of single values.</summary>
    public bool Spatial { get; init; }
}
