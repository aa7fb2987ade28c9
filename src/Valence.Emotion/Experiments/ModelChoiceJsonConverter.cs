using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Valence.Emotion.Models;

namespace Valence.Emotion.Experiments;

/// <summary>Reads and writes <see cref="ModelChoice"/> as <c>{"preset": …, "settings": {…}}</c>, the settings typed by the preset.</summary>
internal sealed class ModelChoiceJsonConverter : JsonConverter<ModelChoice>
{
    public override ModelChoice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var json = JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("model: expected an object {\"preset\": …, \"settings\": {…}}.");
        foreach (var (key, _) in json)
            if (key is not ("preset" or "settings"))
                throw new JsonException($"model: unknown field '{key}'; the fields are preset and settings.");
        string preset = json["preset"]?.GetValue<string>() ?? throw new JsonException($"model: 'preset' is missing; presets: {string.Join(", ", ModelPresets.Names)}.");
        ModelPreset known;
        try
        {
            known = ModelPresets.Get(preset);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"model: {e.Message}", e);
        }
        var settings = json["settings"] is JsonNode node
            ? (ModelSettings?)node.Deserialize(known.SettingsType, options) ?? throw new JsonException("model.settings is null.")
            : null;
        return new ModelChoice(preset, settings);
    }

    public override void Write(Utf8JsonWriter writer, ModelChoice value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("preset", value.Preset);
        writer.WritePropertyName("settings");
        JsonSerializer.Serialize(writer, value.Settings, value.Settings.GetType(), options);
        writer.WriteEndObject();
    }
}
