using System.Globalization;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// The rules filter designs impose on orders and frequencies, written once: each returns what is wrong (the value, the
/// limit and the valid range) or null. Designs throw <see cref="ArgumentOutOfRangeException"/> with it; preprocessing
/// steps throw <see cref="InvalidSettingException"/> with it, before anything runs.
/// </summary>
internal static class FilterFrequencyCheck
{
    public static string? SampleRateProblem(double sampleRate) =>
        double.IsFinite(sampleRate) && sampleRate > 0 ? null : "the sample rate must be positive and finite";

    /// <summary>Null when 0 &lt; <paramref name="frequency"/> &lt; Nyquist; otherwise, e.g., "45 Hz must be below Nyquist, 32 Hz for 64 Hz data".</summary>
    public static string? FrequencyProblem(double frequency, double sampleRate)
    {
        double nyquist = sampleRate / 2;
        if (!double.IsFinite(frequency) || frequency <= 0)
            return $"must be above 0 Hz and below Nyquist, {Hz(nyquist)} for {Hz(sampleRate)} data";
        return frequency < nyquist ? null : $"{Hz(frequency)} must be below Nyquist, {Hz(nyquist)} for {Hz(sampleRate)} data (valid: above 0 Hz and below {Hz(nyquist)})";
    }

    public static string? OrderProblem(int order) =>
        order >= 1 && order <= ButterworthDesign.MaxOrder ? null : $"the filter order must be 1 to {ButterworthDesign.MaxOrder}";

    public static string? BandProblem(double lowHz, double highHz) =>
        lowHz < highHz ? null : $"the low edge must be below the high edge, {Hz(highHz)}";

    public static string? QualityProblem(double quality) =>
        double.IsFinite(quality) && quality > 0 ? null : "the quality factor must be positive and finite";

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for <paramref name="parameter"/> when there is a problem.</summary>
    public static void ThrowIf(string? problem, string parameter, object value)
    {
        if (problem is not null) throw new ArgumentOutOfRangeException(parameter, value, $"{parameter} = {Show(value)}: {problem}.");
    }

    /// <summary>A value as messages show it: frequencies with their unit, numbers in invariant culture.</summary>
    public static string Show(object value) => value switch
    {
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    public static string Hz(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " Hz";
}
