namespace Valence.Eeg.Preprocessing;

/// <summary>
/// A digital IIR filter as a cascade of second-order sections, in SciPy's <c>sos</c> layout: each section is
/// <c>b0, b1, b2, a0, a1, a2</c> with <c>a0 = 1</c>, and the sections run first to last. Immutable.
/// </summary>
/// <remarks>
/// Each section computes, in transposed direct form II (as <c>scipy.signal.sosfilt</c> does):
/// <c>y = b0·x + z0;  z0 ← b1·x − a1·y + z1;  z1 ← b2·x − a2·y</c>.
/// </remarks>
public sealed class SecondOrderSections
{
    /// <summary>Coefficients per section.</summary>
    public const int Stride = 6;

    private readonly double[] _coefficients;

    /// <summary>Creates a filter from <c>6·sections</c> coefficients, section after section.</summary>
    /// <exception cref="ArgumentException">The count is not a positive multiple of 6, a coefficient is not finite, or a section's a0 is not 1.</exception>
    public SecondOrderSections(ReadOnlySpan<double> coefficients)
    {
        if (coefficients.Length == 0 || coefficients.Length % Stride != 0)
            throw new ArgumentException($"Second-order sections need 6 coefficients each; got {coefficients.Length}.", nameof(coefficients));
        for (int i = 0; i < coefficients.Length; i++)
            if (!double.IsFinite(coefficients[i]))
                throw new ArgumentException($"Coefficient {i % Stride} of section {i / Stride} is {coefficients[i]}; coefficients must be finite.", nameof(coefficients));
        for (int s = 0; s < coefficients.Length / Stride; s++)
            if (coefficients[s * Stride + 3] != 1.0)
                throw new ArgumentException($"Section {s} has a0 = {coefficients[s * Stride + 3]}; each section must be normalised to a0 = 1.", nameof(coefficients));
        _coefficients = coefficients.ToArray();
    }

    /// <summary>Number of sections.</summary>
    public int Count => _coefficients.Length / Stride;

    /// <summary>All coefficients, section after section (<c>b0, b1, b2, 1, a1, a2</c> each).</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The six coefficients of section <paramref name="index"/>.</summary>
    public ReadOnlySpan<double> Section(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return _coefficients.AsSpan(index * Stride, Stride);
    }

    /// <summary>
    /// The padding <c>scipy.signal.sosfiltfilt</c> uses by default: 3·(2·sections + 1 − k), where k is the smaller of the
    /// number of sections whose b2 is zero and the number whose a2 is zero (first-order sections need no extra pad).
    /// A signal must be longer than this to be filtered forwards and backwards.
    /// </summary>
    public int DefaultPadLength
    {
        get
        {
            int zeroB2 = 0, zeroA2 = 0;
            for (int s = 0; s < Count; s++)
            {
                if (_coefficients[s * Stride + 2] == 0) zeroB2++;
                if (_coefficients[s * Stride + 5] == 0) zeroA2++;
            }
            return 3 * (2 * Count + 1 - Math.Min(zeroB2, zeroA2));
        }
    }

    /// <summary>
    /// The state (two values per section, <c>z0, z1</c>) in which the cascade's response to a constant input of 1 is
    /// steady, as <c>scipy.signal.sosfilt_zi</c>: each section's <c>lfilter_zi</c> scaled by the DC gain of the
    /// sections before it. Scaled by a signal's first value it starts a filter without a transient.
    /// </summary>
    public double[] SteadyState()
    {
        var state = new double[Count * 2];
        double scale = 1.0;
        for (int s = 0; s < Count; s++)
        {
            ReadOnlySpan<double> c = Section(s);
            double b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[4], a2 = c[5];
            // lfilter_zi solves (I − Aᵀ)·z = b[1:] − a[1:]·b0 with A the companion matrix of a:
            // (1 + a1)·z0 − z1 = B0 and a2·z0 + z1 = B1; adding the rows gives z0.
            double rhs0 = b1 - a1 * b0, rhs1 = b2 - a2 * b0;
            double z0 = (rhs0 + rhs1) / (1 + a1 + a2);
            state[2 * s] = scale * z0;
            state[2 * s + 1] = scale * (rhs1 - a2 * z0);
            scale *= (b0 + b1 + b2) / (1 + a1 + a2);
        }
        return state;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Count} second-order sections";
}
