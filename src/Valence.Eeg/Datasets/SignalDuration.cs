using System.Globalization;

namespace Valence.Eeg.Datasets;

/// <summary>
/// A length of signal given either in seconds or in samples. Seconds are converted with the sample rate of the
/// data they meet, so a length never travels without the rate that gives it meaning.
/// </summary>
public readonly record struct SignalDuration
{
    private SignalDuration(double value, DurationUnit unit)
    {
        Value = value;
        Unit = unit;
    }

    /// <summary>The number given, in <see cref="Unit"/>.</summary>
    public double Value { get; }

    /// <summary>Whether <see cref="Value"/> is seconds or samples.</summary>
    public DurationUnit Unit { get; }

    /// <summary>A length in seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is NaN or infinite.</exception>
    public static SignalDuration FromSeconds(double seconds)
    {
        if (!double.IsFinite(seconds))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A duration must be a finite number of seconds.");
        return new(seconds, DurationUnit.Seconds);
    }

    /// <summary>A length in samples.</summary>
    public static SignalDuration FromSamples(int samples) => new(samples, DurationUnit.Samples);

    /// <summary>
    /// The length in samples at <paramref name="sampleRate"/>. Refuses lengths that are not positive or, in seconds,
    /// not a whole number of samples (2.01 s at 128 Hz would be 257.28 samples: rounding it silently would make the
    /// window a different length than asked for).
    /// </summary>
    /// <param name="setting">The setting's name, used in the message (for example "window length").</param>
    /// <exception cref="ArgumentException">The length is zero, negative or not a whole number of samples.</exception>
    public int ToSamples(double sampleRate, string setting)
    {
        if (Unit == DurationUnit.Samples)
        {
            if (Value <= 0)
                throw new ArgumentException($"The {setting} is {this}; it must be at least 1 sample.", setting);
            return (int)Value;
        }
        double samples = Value * sampleRate;
        double whole = Math.Round(samples);
        if (Math.Abs(samples - whole) > 1e-9 * Math.Max(1, Math.Abs(samples)))
            throw new ArgumentException(
                $"The {setting} of {this} at {sampleRate} Hz is {samples.ToString(CultureInfo.InvariantCulture)} samples, not a whole number; "
                + $"choose a multiple of 1/{sampleRate} s ({(1 / sampleRate).ToString(CultureInfo.InvariantCulture)} s).", setting);
        if (whole <= 0)
            throw new ArgumentException($"The {setting} of {this} at {sampleRate} Hz is {whole} samples; it must be at least 1 sample.", setting);
        if (whole > int.MaxValue)
            throw new ArgumentException($"The {setting} of {this} at {sampleRate} Hz is more samples than fit in a trial.", setting);
        return (int)whole;
    }

    /// <summary>"2 s" or "256 samples".</summary>
    public override string ToString() => Unit == DurationUnit.Seconds
        ? $"{Value.ToString(CultureInfo.InvariantCulture)} s"
        : $"{Value.ToString(CultureInfo.InvariantCulture)} samples";
}
