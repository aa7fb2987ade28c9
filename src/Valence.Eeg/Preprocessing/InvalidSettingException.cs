namespace Valence.Eeg.Preprocessing;

/// <summary>
/// A preprocessing setting that cannot work for the signal it would run on, refused when the pipeline is built (never
/// halfway through a run). The message names the setting, its value and the rule, e.g.
/// "steps[2] (bandPass).highHz = 45 Hz: 45 Hz must be below Nyquist, 32 Hz for 64 Hz data".
/// </summary>
public sealed class InvalidSettingException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="setting"/> (a name or a path) holding <paramref name="value"/>, which breaks <paramref name="rule"/>.</summary>
    public InvalidSettingException(string setting, string value, string rule)
        : base($"{setting} = {value}: {rule}.")
    {
        Setting = setting;
        Value = value;
        Rule = rule;
    }

    /// <summary>The setting: its name, or its path inside a pipeline's settings.</summary>
    public string Setting { get; }

    /// <summary>The refused value, as text.</summary>
    public string Value { get; }

    /// <summary>What the value breaks, with the valid range where there is one.</summary>
    public string Rule { get; }

    /// <summary>The same refusal with the setting's path prefixed, for a setting found inside a larger one.</summary>
    public InvalidSettingException Within(string path) => new($"{path}.{Setting}", Value, Rule);
}
