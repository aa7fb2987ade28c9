using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Valence.Emotion.Serialization;
using Valence.Nn.Layers;

namespace Valence.Emotion.Models;

/// <summary>
/// A complete description of a model: the preset, the windows it reads (channels, samples, sample rate), the number
/// of classes, and the preset's settings (every size). It builds a Valence.Nn <see cref="Sequential"/> whose input is
/// [batch, channels, samples] and whose output is [batch, classes] <em>logits</em>: the softmax lives in the loss
/// (<see cref="Valence.Nn.Losses.SoftmaxCrossEntropy"/>), and predicting the class is an argmax of the logits.
/// </summary>
/// <remarks>
/// As JSON (<see cref="ToJson"/>, <see cref="FromJson(string)"/>):
/// <code>
/// {"preset": "cnn-lstm", "channels": 14, "samples": 256, "sampleRate": 128, "classes": 4,
///  "settings": {"filters": 64, "kernelSize": 5, "poolSize": 2, "hiddenSize": 64, "recurrentLayers": 1,
///               "denseUnits": 64, "dropout": 0.5}}
/// </code>
/// <c>settings</c> may be left out, or give only some fields: the others take the preset's defaults. Unknown presets,
/// unknown fields and invalid sizes are refused with a message naming them.
/// </remarks>
public sealed record ModelSpec
{
    /// <summary>Creates and validates the spec; without <paramref name="settings"/> the preset's defaults apply.</summary>
    /// <exception cref="ArgumentException">
    /// An unknown preset, settings of another preset's type, a size below 1 (classes below 2), a sample rate that is
    /// not positive and finite, or settings that cannot build a model for these windows; the message says which.
    /// </exception>
    public ModelSpec(string preset, int channels, int samples, double sampleRate, int classes, ModelSettings? settings = null)
    {
        var known = ModelPresets.Get(preset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        if (!double.IsFinite(sampleRate) || sampleRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, $"The sample rate must be a positive, finite number of Hz; got {sampleRate}.");
        if (classes < 2)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, $"A classifier needs at least 2 classes; got {classes}.");
        settings ??= known.DefaultSettings;
        if (settings.GetType() != known.SettingsType)
            throw new ArgumentException($"Preset '{preset}' takes {known.SettingsType.Name}, not {settings.GetType().Name}.", nameof(settings));
        Preset = preset;
        Channels = channels;
        Samples = samples;
        SampleRate = sampleRate;
        Classes = classes;
        Settings = settings;
        settings.Validate(this);
    }

    /// <summary>The preset's name (see <see cref="ModelPresets"/>).</summary>
    public string Preset { get; }

    /// <summary>Channels of each window.</summary>
    public int Channels { get; }

    /// <summary>Samples of each window.</summary>
    public int Samples { get; }

    /// <summary>Samples per second of the windows, in Hz.</summary>
    public double SampleRate { get; }

    /// <summary>Number of classes, the width of the logits.</summary>
    public int Classes { get; }

    /// <summary>The preset's settings, every field resolved.</summary>
    public ModelSettings Settings { get; }

    /// <summary>The window length in seconds.</summary>
    public double WindowSeconds => Samples / SampleRate;

    /// <summary>Builds the model with fresh (zero) parameters; call <see cref="Layer.Initialize"/>, or let the trainer do it.</summary>
    public Sequential Build()
    {
        EmotionLayers.EnsureRegistered();
        return ModelPresets.Get(Preset).Build(this);
    }

    /// <summary>The spec as JSON, with every setting written out.</summary>
    public JsonObject ToJson() => new()
    {
        ["preset"] = Preset,
        ["channels"] = Channels,
        ["samples"] = Samples,
        ["sampleRate"] = SampleRate,
        ["classes"] = Classes,
        ["settings"] = JsonSerializer.SerializeToNode(Settings, Settings.GetType(), EmotionJson.Options),
    };

    /// <summary>Reads a spec written as JSON text.</summary>
    /// <exception cref="FormatException">Not JSON, an unknown preset or field, a missing field, or an invalid value; the message says which.</exception>
    public static ModelSpec FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Model spec: not valid JSON: {e.Message}", e);
        }
        return FromJson(node as JsonObject ?? throw new FormatException("Model spec: expected a JSON object."));
    }

    /// <summary>Reads a spec from a JSON object.</summary>
    /// <exception cref="FormatException">An unknown preset or field, a missing field, or an invalid value; the message says which.</exception>
    public static ModelSpec FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = Read<SpecDocument>(json, "Model spec (fields: preset, channels, samples, sampleRate, classes, settings)");
        ModelPreset preset;
        try
        {
            preset = ModelPresets.Get(document.Preset);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Model spec: {e.Message}", e);
        }
        string where = $"Model spec '{preset.Name}'";
        var settings = document.Settings is null
            ? preset.DefaultSettings
            : (ModelSettings)Read(document.Settings, preset.SettingsType, $"{where}: settings (known: {SettingNames(preset)})");
        try
        {
            return new ModelSpec(preset.Name, document.Channels, document.Samples, document.SampleRate, document.Classes, settings);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{where}: {e.Message}", e);
        }
    }

    private static T Read<T>(JsonNode node, string where) => (T)Read(node, typeof(T), where);

    private static object Read(JsonNode node, Type type, string where)
    {
        try
        {
            return node.Deserialize(type, EmotionJson.Options) ?? throw new FormatException($"{where}: is null.");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new FormatException($"{where}: {e.Message}", e);
        }
    }

    private static string SettingNames(ModelPreset preset) =>
        string.Join(", ", JsonSerializer.SerializeToNode(preset.DefaultSettings, preset.SettingsType, EmotionJson.Options)!.AsObject().Select(p => p.Key));

    /// <summary>The JSON layout of a spec; the settings stay raw until the preset says their type.</summary>
    private sealed record SpecDocument(
        [property: JsonRequired] string Preset,
        [property: JsonRequired] int Channels,
        [property: JsonRequired] int Samples,
        [property: JsonRequired] double SampleRate,
        [property: JsonRequired] int Classes,
        JsonObject? Settings);
}
