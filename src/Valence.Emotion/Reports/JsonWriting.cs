using System.Text.Encodings.Web;
using System.Text.Json;
using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Reports;

/// <summary>What the JSON files of a run folder share: options, and numbers that may be undefined.</summary>
internal static class JsonWriting
{
    /// <summary>Indented, and with non-ASCII text (±, —) written as itself rather than escaped, for people reading the file.</summary>
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a number, or null when it is absent or not finite (JSON has no NaN or infinity).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    /// <summary>Writes {"mean": …, "sd": …}.</summary>
    public static void WriteSummary(this Utf8JsonWriter json, string name, MetricSummary summary)
    {
        json.WriteStartObject(name);
        json.WriteNumberOrNull("mean", summary.Mean);
        json.WriteNumberOrNull("sd", summary.StandardDeviation);
        json.WriteEndObject();
    }

    /// <summary>The name a model kind has in JSON.</summary>
    public static string KindName(ModelKind kind) => kind == ModelKind.Baseline ? "baseline" : "deep";
}
