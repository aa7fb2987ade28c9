using System.Text.Json;
using System.Text.Json.Serialization;

namespace Valence.Emotion.Serialization;

/// <summary>How Valence.Emotion writes and reads its JSON (model specs, training settings, checkpoint metadata).</summary>
internal static class EmotionJson
{
    /// <summary>camelCase names, enums as strings, unknown fields refused, and ±∞/NaN written as named literals (a best loss starts at +∞).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
