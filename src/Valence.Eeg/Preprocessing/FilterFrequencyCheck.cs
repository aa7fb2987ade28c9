using System.Globalization;

namespace Valence.Eeg.Preprocessing;

/// <summary>The checks every filter design makes of a frequency against the sample rate, with messages that state the limit.</summary>
internal static class FilterFrequencyCheck
{
    public static void SampleRate(double sampleRate, string parameter)
    {
        if (!double.IsFinite(sampleRate) || sampleRate <= 0)
            throw new ArgumentOutOfRangeException(parameter, sampleRate, $"{parameter} = {Hz(sampleRate)}: the sample rate must be positive and finite.");
    }

    /// <summary>0 &lt; <paramref name="frequency"/> &lt; Nyquist, or an error such as "45 Hz must be below Nyquist, 32 Hz for 64 Hz data".</summary>
    public static void BelowNyquist(double frequency, double sampleRate, string parameter)
    {
        double nyquist = sampleRate / 2;
        if (!double.IsFinite(frequency) || frequency <= 0)
            throw new ArgumentOutOfRangeException(parameter, frequency, $"{parameter} = {Hz(frequency)}: must be above 0 Hz and below Nyquist, {Hz(nyquist)} for {Hz(sampleRate)} data.");
        if (frequency >= nyquist)
            throw new ArgumentOutOfRangeException(parameter, frequency, $"{parameter} = {Hz(frequency)}: {Hz(frequency)} must be below Nyquist, {Hz(nyquist)} for {Hz(sampleRate)} data.");
    }

    public static void Order(int order, string parameter)
    {
        if (order < 1 || order > ButterworthDesign.MaxOrder)
            throw new ArgumentOutOfRangeException(parameter, order, $"{parameter} = {order}: the filter order must be 1 to {ButterworthDesign.MaxOrder}.");
    }

    public static string Hz(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " Hz";
}
