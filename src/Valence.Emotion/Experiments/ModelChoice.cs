using System.Text.Json.Serialization;
using Valence.Emotion.Models;
using Valence.Emotion.Reports;

namespace Valence.Emotion.Experiments;

/// <summary>
/// Which model an experiment trains: a preset of the zoo and, optionally, its settings (every size). The windows'
/// shape (channels, samples, sample rate) and the classes come from the data, so the full <see cref="ModelSpec"/> is
/// made once the data is known (<see cref="Spec"/>). In JSON: <c>{"preset": "cnn-lstm", "settings": {"hiddenSize": 32}}</c>,
/// settings left out or partial taking the preset's defaults.
/// </summary>
[JsonConverter(typeof(ModelChoiceJsonConverter))]
public sealed record ModelChoice
{
    /// <summary>Chooses <paramref name="preset"/> with <paramref name="settings"/> (null: the preset's defaults).</summary>
    /// <exception cref="ArgumentException">An unknown preset, or settings of another preset's type.</exception>
    public ModelChoice(string preset = "cnn-lstm", ModelSettings? settings = null)
    {
        var known = ModelPresets.Get(preset);
        settings ??= known.DefaultSettings;
        if (settings.GetType() != known.SettingsType)
            throw new ArgumentException($"Preset '{preset}' takes {known.SettingsType.Name}, not {settings.GetType().Name}.", nameof(settings));
        Preset = preset;
        Settings = settings;
    }

    /// <summary>The preset's name (default <c>cnn-lstm</c>).</summary>
    public string Preset { get; }

    /// <summary>The preset's settings, every field resolved.</summary>
    public ModelSettings Settings { get; }

    /// <summary>Deep model or the band-power baseline, for comparisons.</summary>
    public ModelKind Kind => Preset == "bandpower" ? ModelKind.Baseline : ModelKind.Deep;

    /// <summary>The full spec for windows of <paramref name="channels"/> × <paramref name="samples"/> at <paramref name="sampleRate"/> Hz and <paramref name="classes"/> classes.</summary>
    /// <exception cref="ArgumentException">The settings cannot build a model for such windows; the message says which setting.</exception>
    public ModelSpec Spec(int channels, int samples, double sampleRate, int classes) =>
        new(Preset, channels, samples, sampleRate, classes, Settings);
}
