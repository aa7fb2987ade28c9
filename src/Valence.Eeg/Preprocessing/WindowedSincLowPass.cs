namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Linear-phase FIR low-pass filters by the window method, as <c>scipy.signal.firwin(numtaps, cutoff, window=('kaiser', β))</c>
/// with its defaults (one band from 0 to the cutoff, scaled to unit gain at 0 Hz).
/// </summary>
internal static class WindowedSincLowPass
{
    /// <summary>Taps h[n] = c·sinc(c·(n − α))·w[n], α = (taps − 1)/2, normalised to sum to 1; <paramref name="cutoff"/> is relative to Nyquist (0 &lt; c &lt; 1).</summary>
    public static double[] Create(int taps, double cutoff, double kaiserBeta)
    {
        double[] window = KaiserWindow.Create(taps, kaiserBeta);
        var h = new double[taps];
        double alpha = 0.5 * (taps - 1), sum = 0;
        for (int n = 0; n < taps; n++)
        {
            h[n] = cutoff * Sinc(cutoff * (n - alpha)) * window[n];
            sum += h[n];
        }
        for (int n = 0; n < taps; n++) h[n] /= sum;
        return h;
    }

    /// <summary>numpy's normalised sinc, sin(πx)/(πx), with numpy's 1e-20 stand-in for 0.</summary>
    private static double Sinc(double x)
    {
        double y = Math.PI * (x == 0 ? 1e-20 : x);
        return Math.Sin(y) / y;
    }
}
