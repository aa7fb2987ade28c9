using System.Buffers;
using System.Numerics.Tensors;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Resampling by a rational factor up/down through an anti-aliasing FIR filter applied in polyphase form, exactly as
/// <c>scipy.signal.resample_poly(x, up, down)</c> with its defaults. Immutable and thread-safe; computes in double.
/// </summary>
/// <remarks>
/// <para>As SciPy: the factor is reduced by its greatest common divisor; the filter is
/// <c>firwin(2·L + 1, 1/max(up, down), window=('kaiser', 5.0)) · up</c> with half-length L = 10·max(up, down); the signal
/// is zero outside its ends; the output has ⌈n·up/down⌉ samples, and output sample i is the upsampled, filtered signal
/// at position (i + ⌊(L + pre)/down⌋)·down, where the filter is delayed by pre = down − L mod down zeros so that the
/// output is centred on the input.</para>
/// <para>Output i is Σ_j h'[j·up + φ]·x[q − j] with t = (i + skip)·down = q·up + φ and h' the delayed filter: each phase
/// φ uses every up-th tap, stored reversed so that each output is one dot product over consecutive input samples.</para>
/// </remarks>
public sealed class PolyphaseResampler
{
    /// <summary>The Kaiser β that resample_poly's default window ('kaiser', 5.0) uses.</summary>
    public const double KaiserBeta = 5.0;

    private readonly double[] _phases;
    private readonly int _phaseLength;
    private readonly int _skip;

    /// <summary>A resampler by <paramref name="up"/>/<paramref name="down"/>, reduced to lowest terms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A factor is zero or negative.</exception>
    public PolyphaseResampler(int up, int down)
    {
        if (up < 1) throw new ArgumentOutOfRangeException(nameof(up), up, $"{nameof(up)} = {up}: the up-sampling factor must be 1 or more.");
        if (down < 1) throw new ArgumentOutOfRangeException(nameof(down), down, $"{nameof(down)} = {down}: the down-sampling factor must be 1 or more.");
        int divisor = (int)System.Numerics.BigInteger.GreatestCommonDivisor(up, down);
        Up = up / divisor;
        Down = down / divisor;
        int maxRate = Math.Max(Up, Down);
        int halfLength = 10 * maxRate;
        double[] taps = WindowedSincLowPass.Create(2 * halfLength + 1, 1.0 / maxRate, KaiserBeta);
        for (int i = 0; i < taps.Length; i++) taps[i] *= Up;
        Taps = Array.AsReadOnly(taps);

        int prePad = Down - halfLength % Down;
        _skip = (halfLength + prePad) / Down;
        int delayedLength = prePad + taps.Length;
        _phaseLength = (delayedLength + Up - 1) / Up;
        _phases = new double[Up * _phaseLength];
        for (int phase = 0; phase < Up; phase++)
            for (int j = 0; j < _phaseLength; j++)
            {
                int tap = j * Up + phase - prePad;
                if (tap >= 0 && tap < taps.Length) _phases[phase * _phaseLength + _phaseLength - 1 - j] = taps[tap];
            }
    }

    /// <summary>The up-sampling factor, in lowest terms.</summary>
    public int Up { get; }

    /// <summary>The down-sampling factor, in lowest terms.</summary>
    public int Down { get; }

    /// <summary>The anti-aliasing filter's taps, gain <see cref="Up"/> included (SciPy's <c>h</c> before padding).</summary>
    public IReadOnlyList<double> Taps { get; }

    /// <summary>Output samples for <paramref name="inputLength"/> input samples: ⌈n·up/down⌉.</summary>
    public int OutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        long product = (long)inputLength * Up;
        long length = product / Down + (product % Down != 0 ? 1 : 0);
        if (length > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(inputLength), inputLength, "The resampled signal would be too long for one array.");
        return (int)length;
    }

    /// <summary>Resamples <paramref name="input"/> into <paramref name="output"/>, which must hold <see cref="OutputLength"/> samples.</summary>
    public void Resample(ReadOnlySpan<double> input, Span<double> output) => Run(input, output);

    /// <inheritdoc cref="Resample(ReadOnlySpan{double}, Span{double})"/>
    public void Resample(ReadOnlySpan<float> input, Span<float> output) => Run(input, output);

    private void Run<T>(ReadOnlySpan<T> input, Span<T> output) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        int outputLength = OutputLength(input.Length);
        if (output.Length != outputLength)
            throw new ArgumentException($"The output holds {output.Length} samples; {input.Length} samples resampled by {Up}/{Down} give {outputLength}.", nameof(output));
        if (outputLength == 0) return;
        if (Up == 1 && Down == 1)
        {
            input.CopyTo(output);
            return;
        }

        // The input with phaseLength − 1 zeros before it and enough after it for the last output's window.
        long lastPosition = (long)(outputLength - 1 + _skip) * Down / Up;
        int paddedLength = (int)Math.Max(input.Length + _phaseLength - 1, lastPosition + _phaseLength);
        double[] padded = ArrayPool<double>.Shared.Rent(paddedLength);
        try
        {
            Span<double> x = padded.AsSpan(0, paddedLength);
            x.Clear();
            for (int i = 0; i < input.Length; i++) x[_phaseLength - 1 + i] = double.CreateTruncating(input[i]);
            for (int i = 0; i < outputLength; i++)
            {
                long position = (long)(i + _skip) * Down;
                int q = (int)(position / Up), phase = (int)(position % Up);
                // Taps reversed: window x[q − phaseLength + 1 … q], which sits at padded[q … q + phaseLength − 1].
                double value = TensorPrimitives.Dot(_phases.AsSpan(phase * _phaseLength, _phaseLength), x.Slice(q, _phaseLength));
                output[i] = T.CreateTruncating(value);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(padded);
        }
    }
}
