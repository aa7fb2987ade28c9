using System.Globalization;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>Filter settings checked against the input's sample rate, refused as <see cref="InvalidSettingException"/>.</summary>
internal static class FilterSettingCheck
{
    public static void Order(int order, string setting)
    {
        if (FilterFrequencyCheck.OrderProblem(order) is string problem)
            throw new InvalidSettingException(setting, order.ToString(CultureInfo.InvariantCulture), problem);
    }

    public static void Frequency(double hz, double sampleRate, string setting)
    {
        if (FilterFrequencyCheck.FrequencyProblem(hz, sampleRate) is string problem)
            throw new InvalidSettingException(setting, FilterFrequencyCheck.Hz(hz), problem);
    }
}
