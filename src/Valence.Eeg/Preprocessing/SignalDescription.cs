using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// What a preprocessing step needs to know about its input before any data arrives: the sample rate, the channel
/// names in order, and, when known, the samples per trial and the seconds of baseline at each trial's start. Steps are
/// built (and validated) against a description, and each step describes its output for the next.
/// </summary>
/// <param name="SampleRate">Samples per second, in Hz.</param>
/// <param name="ChannelNames">Channel names in storage order.</param>
/// <param name="SamplesPerTrial">Samples in each trial, baseline included; null when not yet known.</param>
/// <param name="BaselineSeconds">Seconds of pre-trial baseline at the start of each trial (0 for none).</param>
public sealed record SignalDescription(double SampleRate, IReadOnlyList<string> ChannelNames, int? SamplesPerTrial = null, double BaselineSeconds = 0)
{
    /// <summary>The description of <paramref name="recording"/>.</summary>
    public static SignalDescription Of(SubjectRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return new SignalDescription(recording.SampleRate, recording.ChannelNames, recording.SamplesPerTrial, recording.BaselineSeconds);
    }

    /// <summary>Throws when <paramref name="recording"/> is not what <paramref name="step"/> was built for.</summary>
    /// <exception cref="ArgumentException">The sample rate, channels, trial length or baseline differ; the message says which.</exception>
    public void CheckMatches(SubjectRecording recording, string step)
    {
        ArgumentNullException.ThrowIfNull(recording);
        string? difference =
            recording.SampleRate != SampleRate ? $"its sample rate is {FilterFrequencyCheck.Hz(recording.SampleRate)}, not {FilterFrequencyCheck.Hz(SampleRate)}"
            : !recording.ChannelNames.SequenceEqual(ChannelNames, StringComparer.OrdinalIgnoreCase) ? $"its channels are {string.Join(", ", recording.ChannelNames)}, not {string.Join(", ", ChannelNames)}"
            : SamplesPerTrial is int n && recording.SamplesPerTrial != n ? $"its trials have {recording.SamplesPerTrial} samples, not {n}"
            : recording.BaselineSeconds != BaselineSeconds ? $"its baseline is {recording.BaselineSeconds} s, not {BaselineSeconds} s"
            : null;
        if (difference is not null)
            throw new ArgumentException($"{step} was built for other data: {recording} does not match, {difference}.", nameof(recording));
    }

    /// <summary>The baseline as a whole number of samples, or an error naming the setting that needs it.</summary>
    /// <exception cref="InvalidSettingException">There is no baseline, or it is not a whole number of samples.</exception>
    internal int BaselineSamples(string setting, string value)
    {
        double exact = BaselineSeconds * SampleRate;
        int samples = (int)Math.Round(exact);
        if (BaselineSeconds <= 0)
            throw new InvalidSettingException(setting, value, "the input has no baseline to remove (its baseline is 0 s)");
        if (Math.Abs(exact - samples) > 1e-6 || samples < 1)
            throw new InvalidSettingException(setting, value, $"the baseline of {BaselineSeconds} s is not a whole number of samples at {FilterFrequencyCheck.Hz(SampleRate)}");
        if (SamplesPerTrial is int n && samples >= n)
            throw new InvalidSettingException(setting, value, $"the baseline of {samples} samples leaves nothing of trials of {n} samples");
        return samples;
    }
}
