namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Second-order IIR notch filters for mains interference, designed exactly as <c>scipy.signal.iirnotch(w0, Q, fs)</c>
/// and returned as one second-order section (<c>b</c> then <c>a</c>; SciPy's <c>a[0]</c> is 1).
/// </summary>
/// <remarks>
/// A notch rather than a Butterworth band-stop: it removes a narrow band (−3 dB width w0/Q) and leaves the rest of
/// the spectrum nearly untouched, with one section instead of 2N. Q = 30 is SciPy's example and the usual default.
/// </remarks>
public static class NotchDesign
{
    /// <summary>The usual quality factor: a 50 Hz notch about 1.7 Hz wide.</summary>
    public const double DefaultQuality = 30.0;

    /// <summary>A notch at <paramref name="frequencyHz"/> with quality factor <paramref name="quality"/> (centre / −3 dB bandwidth).</summary>
    public static SecondOrderSections Notch(double frequencyHz, double sampleRate, double quality = DefaultQuality)
    {
        FilterFrequencyCheck.ThrowIf(FilterFrequencyCheck.SampleRateProblem(sampleRate), nameof(sampleRate), sampleRate);
        FilterFrequencyCheck.ThrowIf(FilterFrequencyCheck.FrequencyProblem(frequencyHz, sampleRate), nameof(frequencyHz), frequencyHz);
        FilterFrequencyCheck.ThrowIf(FilterFrequencyCheck.QualityProblem(quality), nameof(quality), quality);

        // Orfanidis' design as in scipy's _design_notch_peak_filter, with gain 1/√2 at the band edges.
        double w0 = 2 * frequencyHz / sampleRate;
        double bandwidth = w0 / quality * Math.PI;
        w0 *= Math.PI;
        double gb = 1 / Math.Sqrt(2);
        double beta = Math.Sqrt(1.0 - gb * gb) / gb * Math.Tan(bandwidth / 2.0);
        double gain = 1.0 / (1.0 + beta);
        double cos = Math.Cos(w0);
        return new SecondOrderSections([gain, gain * (-2.0 * cos), gain, 1.0, -2.0 * gain * cos, 2.0 * gain - 1.0]);
    }
}
