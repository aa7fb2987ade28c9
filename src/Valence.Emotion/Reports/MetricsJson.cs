using System.Text.Json;
using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Reports;

/// <summary>
/// The metrics.json of a run folder: settings, protocol and leaky flag, per-fold and per-subject metrics (each with
/// its confusion matrix, rows true and columns predicted), the aggregate (mean, sample sd, pooled), and the training
/// history. Undefined numbers (a kappa with chance agreement 1, the sd of one fold) are written as null.
/// </summary>
public static class MetricsJson
{
    /// <summary>The value of the "format" field, changed whenever the layout changes.</summary>
    public const string Format = "valence-run/1";

    /// <summary>The run as indented UTF-8 JSON.</summary>
    public static byte[] Write(RunReport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("name", run.Name);
            json.WriteString("model", run.Model);
            json.WriteString("modelKind", JsonWriting.KindName(run.Kind));
            json.WriteStartObject("protocol");
            json.WriteString("name", run.Protocol.Name);
            json.WriteBoolean("leaky", run.Protocol.Leaky);
            json.WriteString("description", run.Protocol.Description);
            json.WriteEndObject();
            json.WriteBoolean("leaky", run.Leaky);
            if (run.Leaky) json.WriteString("warning", ProtocolInfo.LeakWarning);
            else json.WriteNull("warning");
            WriteStrings(json, "classNames", run.Evaluation.ClassNames);
            json.WriteStartObject("settings");
            foreach (var setting in run.Settings) json.WriteString(setting.Name, setting.Value);
            json.WriteEndObject();
            WriteAggregate(json, "aggregate", run.Evaluation.Aggregate);
            if (run.Evaluation.SubjectAggregate is { } subjects) WriteAggregate(json, "subjectAggregate", subjects);
            else json.WriteNull("subjectAggregate");
            WriteResults(json, "folds", run.Evaluation.Folds);
            WriteResults(json, "subjects", run.Evaluation.Subjects);
            WriteHistory(json, run.History);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Reads the metrics.json at <paramref name="path"/> back into a run; metrics are recomputed from the stored confusion matrices.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON of this format; the message names the file and the field.</exception>
    public static RunReport Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return ReadRun(new JsonField(path, "", document.RootElement));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: the stored run is inconsistent: {e.Message}", e);
        }
    }

    private static void WriteAggregate(Utf8JsonWriter json, string name, AggregateMetrics aggregate)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", aggregate.Count);
        json.WriteSummary("accuracy", aggregate.Accuracy);
        json.WriteSummary("balancedAccuracy", aggregate.BalancedAccuracy);
        json.WriteSummary("macroF1", aggregate.MacroF1);
        json.WriteSummary("kappa", aggregate.Kappa);
        json.WriteSummary("chanceLevel", aggregate.ChanceLevel);
        json.WritePropertyName("pooled");
        WriteMetrics(json, aggregate.Pooled);
        json.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter json, string name, IReadOnlyList<EvaluationResult> results)
    {
        json.WriteStartArray(name);
        foreach (var result in results)
        {
            json.WriteStartObject();
            WriteOptionalInt(json, "fold", result.Context.Fold);
            WriteOptionalInt(json, "subject", result.Context.Subject);
            json.WriteString("protocol", result.Context.Protocol.Name);
            json.WriteBoolean("leaky", result.Leaky);
            json.WritePropertyName("metrics");
            WriteMetrics(json, result.Metrics);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteMetrics(Utf8JsonWriter json, ClassificationMetrics metrics)
    {
        json.WriteStartObject();
        json.WriteNumber("count", metrics.Count);
        json.WriteNumberOrNull("accuracy", metrics.Accuracy);
        json.WriteNumberOrNull("balancedAccuracy", metrics.BalancedAccuracy);
        json.WriteNumberOrNull("macroF1", metrics.MacroF1);
        json.WriteNumberOrNull("kappa", metrics.Kappa);
        json.WriteNumberOrNull("chanceLevel", metrics.ChanceLevel);
        json.WriteNumberOrNull("uniformChance", metrics.UniformChance);
        json.WriteStartArray("perClass");
        foreach (var c in metrics.PerClass)
        {
            json.WriteStartObject();
            json.WriteString("name", c.Name);
            json.WriteNumberOrNull("precision", c.Precision);
            json.WriteNumberOrNull("recall", c.Recall);
            json.WriteNumberOrNull("f1", c.F1);
            json.WriteNumber("support", c.Support);
            json.WriteNumber("predicted", c.Predicted);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("confusion");
        for (int i = 0; i < metrics.Confusion.ClassCount; i++)
        {
            json.WriteStartArray();
            for (int j = 0; j < metrics.Confusion.ClassCount; j++) json.WriteNumberValue(metrics.Confusion[i, j]);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteHistory(Utf8JsonWriter json, IReadOnlyList<FoldHistory> history)
    {
        json.WriteStartArray("history");
        foreach (var fold in history)
        {
            json.WriteStartObject();
            json.WriteNumber("fold", fold.Fold);
            json.WriteStartArray("epochs");
            foreach (var epoch in fold.Epochs)
            {
                json.WriteStartObject();
                json.WriteNumber("epoch", epoch.Epoch);
                json.WriteNumberOrNull("trainLoss", epoch.TrainLoss);
                json.WriteNumberOrNull("trainAccuracy", epoch.TrainAccuracy);
                json.WriteNumberOrNull("validationLoss", epoch.ValidationLoss);
                json.WriteNumberOrNull("validationAccuracy", epoch.ValidationAccuracy);
                json.WriteNumberOrNull("learningRate", epoch.LearningRate);
                json.WriteNumberOrNull("seconds", epoch.Seconds);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteOptionalInt(Utf8JsonWriter json, string name, int? value)
    {
        if (value is int v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static RunReport ReadRun(JsonField root)
    {
        string format = root["format"].String();
        if (format != Format) throw root["format"].Invalid($"is '{format}', expected '{Format}'");
        var protocolField = root["protocol"];
        var protocol = new ProtocolInfo(protocolField["name"].String(), protocolField["leaky"].Boolean(), protocolField["description"].String());
        if (root["leaky"].Boolean() != protocol.Leaky) throw root["leaky"].Invalid("disagrees with protocol.leaky");
        string[] classNames = [.. root["classNames"].Items().Select(c => c.String())];
        var kindField = root["modelKind"];
        var kind = kindField.String() switch
        {
            "deep" => ModelKind.Deep,
            "baseline" => ModelKind.Baseline,
            var other => throw kindField.Invalid($"is '{other}', expected 'deep' or 'baseline'"),
        };
        var evaluation = new RunEvaluation(protocol,
            [.. root["folds"].Items().Select(f => ReadResult(f, protocol, classNames))],
            [.. root["subjects"].Items().Select(s => ReadResult(s, protocol, classNames))]);
        return new RunReport(root["name"].String(), root["model"].String(), kind,
            [.. root["settings"].Properties().Select(p => new RunSetting(p.Name, p.Field.String()))],
            evaluation,
            [.. root["history"].Items().Select(ReadFold)]);
    }

    private static EvaluationResult ReadResult(JsonField result, ProtocolInfo protocol, string[] classNames)
    {
        var rows = result["metrics"]["confusion"];
        var matrix = rows.Items().ToArray();
        var counts = new long[matrix.Length, matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            var row = matrix[i].Items().ToArray();
            if (row.Length != matrix.Length) throw matrix[i].Invalid($"has {row.Length} counts; the matrix is {matrix.Length} × {matrix.Length}");
            for (int j = 0; j < row.Length; j++) counts[i, j] = row[j].Int64();
        }
        var context = new EvaluationContext(protocol, result["fold"].OptionalInt32(), result["subject"].OptionalInt32());
        return new EvaluationResult(context, ClassificationMetrics.FromConfusion(ConfusionMatrix.FromCounts(counts), classNames));
    }

    private static FoldHistory ReadFold(JsonField fold) =>
        new(fold["fold"].Int32(), [.. fold["epochs"].Items().Select(e => new EpochRecord(
            e["epoch"].Int32(), e["trainLoss"].NumberOrNaN(), e["trainAccuracy"].NumberOrNaN(), e["validationLoss"].OptionalDouble(),
            e["validationAccuracy"].OptionalDouble(), e["learningRate"].NumberOrNaN(), e["seconds"].NumberOrNaN()))]);
}
