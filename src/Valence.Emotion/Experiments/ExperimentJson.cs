using System.Text.Json;
using Valence.Emotion.Serialization;

namespace Valence.Emotion.Experiments;

/// <summary>How experiment settings are written: Valence.Emotion's JSON conventions (camelCase, enums as strings, unknown fields refused), indented.</summary>
internal static class ExperimentJson
{
    /// <summary>The options: <see cref="EmotionJson.Options"/>, indented.</summary>
    public static readonly JsonSerializerOptions Options = new(EmotionJson.Options) { WriteIndented = true };
}
