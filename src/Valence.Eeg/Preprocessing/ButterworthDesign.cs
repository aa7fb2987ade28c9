using System.Numerics;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Digital Butterworth filters as second-order sections, designed exactly as
/// <c>scipy.signal.butter(N, Wn, btype, fs=fs, output='sos')</c>: the analog prototype's poles, the frequency
/// transform at the prewarped edges, the bilinear transform, and SciPy's pole–zero pairing into sections.
/// </summary>
/// <remarks>
/// <para>The order is SciPy's N: a low- or high-pass filter of order N has N poles; a band-pass filter of order N has
/// 2N poles (N sections), so "4th-order band-pass 4–45 Hz" is <c>BandPass(4, 4, 45, fs)</c> with 4 sections.</para>
/// <para>Frequencies are in Hz; each must lie strictly between 0 and the Nyquist frequency <c>fs/2</c>.</para>
/// </remarks>
public static class ButterworthDesign
{
    /// <summary>The highest order accepted; beyond it Butterworth poles crowd the unit circle and nothing in EEG needs it.</summary>
    public const int MaxOrder = 32;

    /// <summary>Low-pass filter passing frequencies below <paramref name="cutoffHz"/>.</summary>
    public static SecondOrderSections LowPass(int order, double cutoffHz, double sampleRate)
    {
        Check(order, sampleRate, (cutoffHz, nameof(cutoffHz)));
        double wo = Prewarp(cutoffHz, sampleRate);
        Complex[] poles = Array.ConvertAll(AnalogPrototype(order), p => p * wo);
        return ZeroPoleGainToSections.Convert(new ZeroPoleGain([], poles, Math.Pow(wo, order)).Bilinear());
    }

    /// <summary>High-pass filter passing frequencies above <paramref name="cutoffHz"/>.</summary>
    public static SecondOrderSections HighPass(int order, double cutoffHz, double sampleRate)
    {
        Check(order, sampleRate, (cutoffHz, nameof(cutoffHz)));
        double wo = Prewarp(cutoffHz, sampleRate);
        Complex[] prototype = AnalogPrototype(order);
        // s → wo/s: poles invert about the unit circle and the prototype's zeros at infinity move to the origin.
        Complex[] poles = Array.ConvertAll(prototype, p => wo / p);
        Complex product = Complex.One;
        foreach (Complex p in prototype) product *= -p;
        return ZeroPoleGainToSections.Convert(new ZeroPoleGain(new Complex[order], poles, (1 / product).Real).Bilinear());
    }

    /// <summary>Band-pass filter passing frequencies between <paramref name="lowHz"/> and <paramref name="highHz"/>.</summary>
    public static SecondOrderSections BandPass(int order, double lowHz, double highHz, double sampleRate)
    {
        Check(order, sampleRate, (lowHz, nameof(lowHz)), (highHz, nameof(highHz)));
        FilterFrequencyCheck.ThrowIf(FilterFrequencyCheck.BandProblem(lowHz, highHz), nameof(lowHz), lowHz);
        double low = Prewarp(lowHz, sampleRate), high = Prewarp(highHz, sampleRate);
        double bandwidth = high - low, centre = Math.Sqrt(low * high);
        // s → (s² + wo²)/(s·bw): each prototype pole becomes two, shifted from baseband to ±wo.
        var poles = new Complex[2 * order];
        Complex[] prototype = AnalogPrototype(order);
        for (int i = 0; i < order; i++)
        {
            Complex scaled = prototype[i] * bandwidth / 2;
            Complex shift = ZeroPoleGain.Sqrt(scaled * scaled - centre * centre);
            poles[i] = scaled + shift;
            poles[order + i] = scaled - shift;
        }
        return ZeroPoleGainToSections.Convert(new ZeroPoleGain(new Complex[order], poles, Math.Pow(bandwidth, order)).Bilinear());
    }

    /// <summary>The N poles of the analog Butterworth prototype with cutoff 1 rad/s: −exp(iπm/(2N)), m = −N+1, −N+3, …, N−1.</summary>
    private static Complex[] AnalogPrototype(int order)
    {
        var poles = new Complex[order];
        for (int i = 0; i < order; i++)
        {
            int m = -order + 1 + 2 * i;
            double angle = Math.PI * m / (2 * order);
            poles[i] = new Complex(-Math.Cos(angle), -Math.Sin(angle));
        }
        return poles;
    }

    /// <summary>The analog edge that the bilinear transform (fs = 2) maps onto <paramref name="hz"/>: 4·tan(π·Wn/2), Wn = 2·hz/fs.</summary>
    private static double Prewarp(double hz, double sampleRate) => 2 * 2.0 * Math.Tan(Math.PI * (2 * hz / sampleRate) / 2.0);

    private static void Check(int order, double sampleRate, params (double Hz, string Name)[] edges)
    {
        FilterFrequencyCheck.ThrowIf(FilterFrequencyCheck.OrderProblem(order), nameof(order), order);
        FilterFrequencyCheck.ThrowIf(FilterFrequencyCheck.SampleRateProblem(sampleRate), nameof(sampleRate), sampleRate);
        foreach ((double hz, string name) in edges) FilterFrequencyCheck.ThrowIf(FilterFrequencyCheck.FrequencyProblem(hz, sampleRate), name, hz);
    }
}
