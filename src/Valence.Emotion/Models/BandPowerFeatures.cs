using Valence.Nn.Kernels;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Valence.Emotion.Models;

/// <summary>
/// Log band power per channel and band, estimated with Welch's method: [batch, channels, samples] →
/// [batch, channels·bands], channel-major (channel 0's bands first, in <see cref="BandPowerFeaturesOptions.Bands"/>'
/// order). It has no parameters; it is differentiable, though a model normally has it first, where no gradient is
/// needed.
/// </summary>
/// <remarks>
/// <para>As scipy.signal.welch(x, fs, window='hann', nperseg=L, noverlap=L − step) with its defaults (constant
/// detrending, one-sided density, mean over segments), summed over the band's bins f_k = k·fs/L with
/// low ≤ f_k &lt; high and multiplied by the bin width fs/L:</para>
/// <code>
/// segments s = 0 … S−1 start at s·step, S = ⌊(N − L)/step⌋ + 1
/// X_sk = Σ_t (x_(s·step+t) − x̄_s)·w_t·e^(−2πikt/L)                  (w: periodic Hann)
/// P_band = (1/S)·Σ_s Σ_(k ∈ band) 2·|X_sk|² / (L·Σ_t w_t²)
/// feature = ln(P_band + 1e-12)                                      (finite for a silent channel)
/// </code>
/// <para>All segments of a batch form one matrix, multiplied by the basis of <see cref="WelchBasis"/> with one GEMM;
/// Backward runs the same product transposed and adds the overlapping segments' gradients.</para>
/// </remarks>
public sealed class BandPowerFeatures : Layer
{
    /// <summary>The term added to the band power before the logarithm, in the input's units squared.</summary>
    public const double LogFloor = 1e-12;

    private readonly BandPowerFeaturesOptions _options;
    private readonly WelchBasis _basis;
    private Tensor? _segments;
    private Tensor? _spectra;
    private Tensor? _power;
    private Tensor? _output;
    private Tensor? _spectraGradient;
    private Tensor? _segmentsGradient;
    private Tensor? _inputGradient;
    private TensorShape _trainingInputShape;
    private bool _hasTrainingCache;

    /// <summary>Creates the layer and its Welch basis.</summary>
    public BandPowerFeatures(string name, BandPowerFeaturesOptions options) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _basis = new WelchBasis(options);
    }

    /// <inheritdoc />
    public override string TypeName => "BandPowerFeatures";

    /// <inheritdoc />
    public override object Options => _options;

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        if (inputShape.Rank != 3)
            throw new ShapeException($"{Describe()}: expected an input [batch, channels, samples] of rank 3, got shape {inputShape}.");
        if (inputShape[1] != _options.Channels)
            throw new ShapeException($"{Describe()}: input has {inputShape[1]} channels, expected {_options.Channels} (input shape {inputShape}).");
        if (inputShape[2] < _options.SegmentLength)
            throw new ShapeException($"{Describe()}: input has {inputShape[2]} samples, fewer than one Welch segment of {_options.SegmentLength} (input shape {inputShape}).");
        return new TensorShape(inputShape[0], _options.FeatureCount);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        var outputShape = GetOutputShape(input.Shape);
        int series = input.Shape[0] * _options.Channels, samples = input.Shape[2];
        int segmentCount = SegmentCount(samples), length = _options.SegmentLength, columns = 2 * _basis.BinCount;
        int rows = series * segmentCount;

        var segments = Tensor.Reuse(ref _segments, new TensorShape(rows, length));
        CutSegments(input.ReadOnlySpan, samples, segmentCount, segments.Span);
        var spectra = Tensor.Reuse(ref _spectra, new TensorShape(rows, columns));
        // spectra = segments · basis: the real and imaginary parts of every bin of every segment
        Gemm.Multiply(false, false, rows, columns, length, segments.ReadOnlySpan, length, _basis.Values, columns, spectra.Span, columns);

        var power = Tensor.Reuse(ref _power, outputShape);
        var output = Tensor.Reuse(ref _output, outputShape);
        BandPowers(spectra.ReadOnlySpan, series, segmentCount, power.Span);
        var p = power.ReadOnlySpan;
        var y = output.Span;
        for (int i = 0; i < y.Length; i++) y[i] = (float)Math.Log(p[i]);
        _hasTrainingCache = training;
        _trainingInputShape = input.Shape;
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        if (!_hasTrainingCache)
            throw new InvalidOperationException($"{Describe()}: Backward needs a preceding Forward with training=true.");
        if (outputGradient.Shape != _output!.Shape)
            throw new ShapeException($"{Describe()} output gradient: expected the output's shape {_output.Shape}, got {outputGradient.Shape}.");
        var inputGradient = Tensor.Reuse(ref _inputGradient, _trainingInputShape);
        if (!InputGradientRequired) return inputGradient;

        int series = _trainingInputShape[0] * _options.Channels, samples = _trainingInputShape[2];
        int segmentCount = SegmentCount(samples), length = _options.SegmentLength, columns = 2 * _basis.BinCount;
        int rows = series * segmentCount;
        var spectraGradient = Tensor.Reuse(ref _spectraGradient, new TensorShape(rows, columns));
        SpectraGradient(outputGradient.ReadOnlySpan, series, segmentCount, spectraGradient.Span);
        var segmentsGradient = Tensor.Reuse(ref _segmentsGradient, new TensorShape(rows, length));
        // ∂segments = ∂spectra · basisᵀ
        Gemm.Multiply(false, true, rows, length, columns, spectraGradient.ReadOnlySpan, columns, _basis.Values, columns,
            segmentsGradient.Span, length);
        AddSegments(segmentsGradient.ReadOnlySpan, samples, segmentCount, inputGradient.Span);
        return inputGradient;
    }

    private int SegmentCount(int samples) => (samples - _options.SegmentLength) / _options.SegmentStep + 1;

    // segments[(series·S + s), t] = x[series, s·step + t]
    private void CutSegments(ReadOnlySpan<float> x, int samples, int segmentCount, Span<float> segments)
    {
        int length = _options.SegmentLength, step = _options.SegmentStep;
        int series = x.Length / samples;
        for (int i = 0; i < series; i++)
            for (int s = 0; s < segmentCount; s++)
                x.Slice(i * samples + s * step, length).CopyTo(segments.Slice((i * segmentCount + s) * length, length));
    }

    // ∂x[series, s·step + t] += ∂segments[(series·S + s), t]: overlapping segments add up.
    private void AddSegments(ReadOnlySpan<float> segments, int samples, int segmentCount, Span<float> x)
    {
        int length = _options.SegmentLength, step = _options.SegmentStep;
        x.Clear();
        int series = x.Length / samples;
        for (int i = 0; i < series; i++)
            for (int s = 0; s < segmentCount; s++)
            {
                var target = x.Slice(i * samples + s * step, length);
                TensorPrimitives.Add(target, segments.Slice((i * segmentCount + s) * length, length), target);
            }
    }

    // P[series, band] = (scale/S)·Σ_s Σ_(columns of band) z² + floor
    private void BandPowers(ReadOnlySpan<float> spectra, int series, int segmentCount, Span<float> power)
    {
        int bands = _options.Bands.Count, bins = _basis.BinCount, columns = 2 * bins;
        double scale = _basis.PowerScale / segmentCount;
        for (int i = 0; i < series; i++)
            for (int j = 0; j < bands; j++)
            {
                double sum = 0;
                for (int s = 0; s < segmentCount; s++)
                {
                    var row = spectra.Slice((i * segmentCount + s) * columns, columns);
                    sum += SumOfSquares(row.Slice(_basis.BandStart[j], _basis.BandCount[j]));
                    sum += SumOfSquares(row.Slice(bins + _basis.BandStart[j], _basis.BandCount[j]));
                }
                power[i * bands + j] = (float)(scale * sum + LogFloor);
            }
    }

    // ∂z = (∂feature / P)·(scale/S)·2z for every column z of the feature's band
    private void SpectraGradient(ReadOnlySpan<float> outputGradient, int series, int segmentCount, Span<float> spectraGradient)
    {
        int bands = _options.Bands.Count, bins = _basis.BinCount, columns = 2 * bins;
        double scale = 2 * _basis.PowerScale / segmentCount;
        var spectra = _spectra!.ReadOnlySpan;
        var power = _power!.ReadOnlySpan;
        for (int i = 0; i < series; i++)
            for (int j = 0; j < bands; j++)
            {
                float factor = (float)(outputGradient[i * bands + j] / (double)power[i * bands + j] * scale);
                for (int s = 0; s < segmentCount; s++)
                {
                    int cosines = (i * segmentCount + s) * columns + _basis.BandStart[j], count = _basis.BandCount[j];
                    TensorPrimitives.Multiply(spectra.Slice(cosines, count), factor, spectraGradient.Slice(cosines, count));
                    TensorPrimitives.Multiply(spectra.Slice(cosines + bins, count), factor, spectraGradient.Slice(cosines + bins, count));
                }
            }
    }

    private static double SumOfSquares(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (float v in values) sum += (double)v * v;
        return sum;
    }
}
