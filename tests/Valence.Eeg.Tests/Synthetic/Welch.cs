namespace Valence.Eeg.Tests.Synthetic;

/// <summary>
/// Welch's power spectral density, written here independently of the generator: Hann-windowed segments with 50%
/// overlap, a plain radix-2 FFT, one-sided density in units²/Hz.
/// </summary>
internal static class Welch
{
    /// <summary>The one-sided PSD of <paramref name="x"/>, bins 0 … segment/2 spaced fs/segment apart.</summary>
    public static double[] Psd(ReadOnlySpan<float> x, double sampleRate, int segment)
    {
        var psd = new double[segment / 2 + 1];
        var re = new double[segment];
        var im = new double[segment];
        double windowPower = 0;
        for (int i = 0; i < segment; i++) windowPower += Hann(i, segment) * Hann(i, segment);
        int count = 0;
        for (int start = 0; start + segment <= x.Length; start += segment / 2, count++)
        {
            double mean = 0;
            for (int i = 0; i < segment; i++) mean += x[start + i];
            mean /= segment;
            for (int i = 0; i < segment; i++)
            {
                re[i] = (x[start + i] - mean) * Hann(i, segment);
                im[i] = 0;
            }
            Fft(re, im);
            for (int k = 0; k < psd.Length; k++)
            {
                double p = (re[k] * re[k] + im[k] * im[k]) / (sampleRate * windowPower);
                psd[k] += k == 0 || k == segment / 2 ? p : 2 * p;
            }
        }
        for (int k = 0; k < psd.Length; k++) psd[k] /= count;
        return psd;
    }

    /// <summary>Mean density over the bins in [<paramref name="lowHz"/>, <paramref name="highHz"/>).</summary>
    public static double Band(double[] psd, double sampleRate, double lowHz, double highHz)
    {
        double binHz = sampleRate / (2.0 * (psd.Length - 1));
        double sum = 0;
        int n = 0;
        for (int k = 0; k < psd.Length; k++)
            if (k * binHz >= lowHz && k * binHz < highHz) { sum += psd[k]; n++; }
        return sum / n;
    }

    /// <summary>10·log₁₀ of <see cref="Band"/>.</summary>
    public static double BandDb(double[] psd, double sampleRate, double lowHz, double highHz) =>
        10 * Math.Log10(Band(psd, sampleRate, lowHz, highHz));

    private static double Hann(int i, int n) => 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / n);

    [ThreadStatic] private static (double[] Cos, double[] Sin)? _twiddles;

    private static void Fft(double[] re, double[] im)
    {
        int n = re.Length;
        if (_twiddles is not { } t || t.Cos.Length != n / 2)
            _twiddles = t = (Enumerable.Range(0, n / 2).Select(k => Math.Cos(-2 * Math.PI * k / n)).ToArray(),
                Enumerable.Range(0, n / 2).Select(k => Math.Sin(-2 * Math.PI * k / n)).ToArray());
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) { (re[i], re[j]) = (re[j], re[i]); (im[i], im[j]) = (im[j], im[i]); }
        }
        for (int length = 2; length <= n; length <<= 1)
        {
            int step = n / length;
            for (int i = 0; i < n; i += length)
                for (int k = 0; k < length / 2; k++)
                {
                    double wr = t.Cos[k * step], wi = t.Sin[k * step];
                    int a = i + k, b = i + k + length / 2;
                    double tr = re[b] * wr - im[b] * wi, ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr; im[b] = im[a] - ti;
                    re[a] += tr; im[a] += ti;
                }
        }
    }
}
