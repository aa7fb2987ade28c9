namespace Valence.Emotion.Models;

/// <summary>
/// The settings of one family of models (every size a model has): an immutable record that validates itself,
/// written in a <see cref="ModelSpec"/>'s <c>settings</c> object with camelCase names.
/// </summary>
public abstract record ModelSettings
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when these settings cannot build a model for <paramref name="spec"/>'s windows.</summary>
    internal abstract void Validate(ModelSpec spec);

    /// <summary>Throws unless <paramref name="rate"/> is a dropout rate in [0, 1).</summary>
    private protected static float RequireDropout(float rate, string name) =>
        rate is >= 0f and < 1f ? rate
            : throw new ArgumentOutOfRangeException(name, rate, $"{name} is a dropout rate and must be in [0, 1); got {rate}.");

    /// <summary>Throws unless <paramref name="value"/> is at least 1.</summary>
    private protected static int RequirePositive(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1; got {value}.");
}
