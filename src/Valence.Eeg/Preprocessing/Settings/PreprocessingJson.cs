using System.Text.Json;
using System.Text.Json.Serialization;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>The JSON options for preprocessing settings: camelCase names, enums as camelCase strings, unknown properties and nulls refused.</summary>
internal static class PreprocessingJson
{
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>Compact, and otherwise the same: the canonical form is this output, whose property order is the records' declaration order.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            AllowOutOfOrderMetadataProperties = true,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
