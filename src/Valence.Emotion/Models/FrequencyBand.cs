namespace Valence.Emotion.Models;

/// <summary>A named EEG frequency band, the half-open interval [<see cref="Low"/>, <see cref="High"/>) in Hz.</summary>
public sealed record FrequencyBand
{
    /// <summary>Creates and validates the band.</summary>
    /// <exception cref="ArgumentException">An empty name, an edge that is negative or not finite, or <paramref name="low"/> ≥ <paramref name="high"/>.</exception>
    public FrequencyBand(string name, double low, double high)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!double.IsFinite(low) || low < 0)
            throw new ArgumentOutOfRangeException(nameof(low), low, $"Band '{name}': the low edge must be a finite frequency of at least 0 Hz; got {low}.");
        if (!double.IsFinite(high) || high <= low)
            throw new ArgumentOutOfRangeException(nameof(high), high, $"Band '{name}': the high edge must be finite and above the low edge {low} Hz; got {high}.");
        Name = name;
        Low = low;
        High = high;
    }

    /// <summary>The band's name, for example <c>alpha</c>.</summary>
    public string Name { get; }

    /// <summary>The lowest frequency in the band, in Hz (included).</summary>
    public double Low { get; }

    /// <summary>The frequency where the band ends, in Hz (excluded).</summary>
    public double High { get; }

    /// <summary>
    /// The four bands the emotion literature on DEAP uses: theta 4–8 Hz, alpha 8–13 Hz, beta 13–30 Hz and gamma
    /// 30–45 Hz (DEAP's preprocessed data is band-passed to 4–45 Hz, so lower bands hold nothing).
    /// </summary>
    public static IReadOnlyList<FrequencyBand> Standard { get; } =
    [
        new("theta", 4, 8),
        new("alpha", 8, 13),
        new("beta", 13, 30),
        new("gamma", 30, 45),
    ];

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Low}–{High} Hz";
}
