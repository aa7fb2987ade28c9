using System.Text.Json;
using System.Text.Json.Serialization;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>A <see cref="ChannelSet"/> in JSON: a string for a preset, an array of strings for channel names.</summary>
internal sealed class ChannelSetJsonConverter : JsonConverter<ChannelSet>
{
    public override ChannelSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => ChannelSet.FromPreset(reader.GetString()!),
        JsonTokenType.StartArray => ChannelSet.Of(JsonSerializer.Deserialize<string[]>(ref reader, options)!),
        _ => throw new JsonException($"A channel set is a preset name ({string.Join(", ", ChannelSet.PresetNames)}) or an array of channel names, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, ChannelSet value, JsonSerializerOptions options)
    {
        if (value.Preset is not null) writer.WriteStringValue(value.Preset);
        else JsonSerializer.Serialize(writer, value.Names!.ToArray(), options);
    }
}
