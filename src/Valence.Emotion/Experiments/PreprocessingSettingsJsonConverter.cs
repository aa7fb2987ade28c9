using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Valence.Eeg.Preprocessing.Settings;

namespace Valence.Emotion.Experiments;

/// <summary>Writes and reads <see cref="PreprocessingSettings"/> in Valence.Eeg's own JSON form (its enum names, its checks), inside experiment settings.</summary>
internal sealed class PreprocessingSettingsJsonConverter : JsonConverter<PreprocessingSettings>
{
    public override PreprocessingSettings Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader) ?? throw new JsonException("preprocessing settings are null.");
        return PreprocessingSettings.FromJson(node.ToJsonString());
    }

    public override void Write(Utf8JsonWriter writer, PreprocessingSettings value, JsonSerializerOptions options) =>
        JsonNode.Parse(value.ToCanonicalJson())!.WriteTo(writer);
}
