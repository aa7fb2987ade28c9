namespace Valence.Emotion.Models;

/// <summary>
/// The matrix that turns Welch segments into the spectrum bins of a set of bands: segment [L] · basis [L, 2K] gives
/// the real and imaginary parts of the K bins' discrete Fourier coefficients of the detrended, Hann-windowed segment.
/// </summary>
/// <remarks>
/// <para>scipy.signal.welch's defaults: the periodic Hann window w_t = ½ − ½·cos(2πt/L) and constant detrending
/// (the segment's mean removed). Both are linear, so they fold into the basis:</para>
/// <code>
/// X_k = Σ_t (x_t − x̄)·w_t·e^(−2πikt/L) = Σ_t x_t·(w_t·e^(−2πikt/L) − (1/L)·Σ_s w_s·e^(−2πiks/L))
/// </code>
/// <para>that is, each column of the windowed cosines and sines minus its mean. Columns [0, K) hold the cosines and
/// [K, 2K) the sines; band j owns columns [Start_j, Start_j + Count_j) of each half (a bin in two bands gets a
/// column in each, so every column belongs to one band).</para>
/// </remarks>
internal sealed class WelchBasis
{
    public WelchBasis(BandPowerFeaturesOptions options)
    {
        int length = options.SegmentLength;
        var bins = new List<int>();
        BandStart = new int[options.Bands.Count];
        BandCount = new int[options.Bands.Count];
        for (int j = 0; j < options.Bands.Count; j++)
        {
            var (first, count) = options.Bins(options.Bands[j]);
            BandStart[j] = bins.Count;
            BandCount[j] = count;
            for (int k = first; k < first + count; k++) bins.Add(k);
        }
        BinCount = bins.Count;
        Values = new float[length * 2 * BinCount];

        var window = new double[length];
        for (int t = 0; t < length; t++) window[t] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * t / length);
        double windowEnergy = window.Sum(w => w * w);
        // Σ_k P_k·Δf with P_k = 2·|X_k|²/(fs·Σw²) (one-sided density) and Δf = fs/L: 2·Σ|X_k|² / (L·Σw²).
        PowerScale = 2 / (length * windowEnergy);

        var column = new double[length];
        for (int j = 0; j < BinCount; j++)
        {
            FillCentered(column, window, bins[j], Math.Cos);
            for (int t = 0; t < length; t++) Values[t * 2 * BinCount + j] = (float)column[t];
            FillCentered(column, window, bins[j], Math.Sin);
            for (int t = 0; t < length; t++) Values[t * 2 * BinCount + BinCount + j] = (float)column[t];
        }
    }

    /// <summary>The basis [L, 2K], row-major.</summary>
    public float[] Values { get; }

    /// <summary>K, the bins of all bands together.</summary>
    public int BinCount { get; }

    /// <summary>The first column (within each half) of each band.</summary>
    public int[] BandStart { get; }

    /// <summary>The number of columns (within each half) of each band.</summary>
    public int[] BandCount { get; }

    /// <summary>The factor that turns one segment's Σ|X_k|² over a band into that band's power: 2/(L·Σw²).</summary>
    public double PowerScale { get; }

    // column_t = w_t·f(2πkt/L) − mean over t of the same; k·t is reduced modulo L first, for an exact angle.
    private static void FillCentered(double[] column, double[] window, int k, Func<double, double> f)
    {
        int length = column.Length;
        for (int t = 0; t < length; t++) column[t] = window[t] * f(2 * Math.PI * (int)((long)k * t % length) / length);
        double mean = column.Average();
        for (int t = 0; t < length; t++) column[t] -= mean;
    }
}
