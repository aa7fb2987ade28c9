using System.Text.Json;
using Valence.Eeg.Formats;

namespace Valence.Eeg.Datasets;

/// <summary>Reads the fields of a normaliser's JSON form, naming the field that is missing or wrong.</summary>
internal static class NormalizerJson
{
    public static JsonElement Property(JsonElement parent, string name, string source) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            ? value
            : throw new EegFormatException(source, $"field '{name}'", "is missing.");

    public static string String(JsonElement parent, string name, string source)
    {
        var value = Property(parent, name, source);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new EegFormatException(source, $"field '{name}'", $"must be a string, not {value.ValueKind}.");
    }

    public static double Finite(JsonElement parent, string name, string source)
    {
        var value = Property(parent, name, source);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double d) || !double.IsFinite(d))
            throw new EegFormatException(source, $"field '{name}'", $"must be a finite number, not {value}.");
        return d;
    }

    public static TEnum Enum<TEnum>(JsonElement parent, string name, string source) where TEnum : struct, Enum
    {
        string text = String(parent, name, source);
        return System.Enum.TryParse<TEnum>(text, out var value) && System.Enum.IsDefined(value) && !char.IsDigit(text[0])
            ? value
            : throw new EegFormatException(source, $"field '{name}'", $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
    }

    public static NormalizerSettings Settings(JsonElement e, string source)
    {
        var clip = Property(e, "clip", source);
        if (clip.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw new EegFormatException(source, "field 'clip'", "must be true or false.");
        return new NormalizerSettings(Enum<NormalizationMethod>(e, "method", source), Enum<MinMaxBounds>(e, "bounds", source),
            Finite(e, "lowerPercentile", source), Finite(e, "upperPercentile", source), clip.GetBoolean(), Enum<OutputRange>(e, "range", source));
    }

    public static ChannelNormalization Channel(JsonElement e, int index, string source)
    {
        var c = new ChannelNormalization(String(e, "name", source), Finite(e, "mean", source), Finite(e, "standardDeviation", source),
            Finite(e, "lower", source), Finite(e, "upper", source));
        if (c.StandardDeviation < 0)
            throw new EegFormatException(source, $"channels[{index}].standardDeviation", $"{c.StandardDeviation} is negative.");
        return c;
    }
}
