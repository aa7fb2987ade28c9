using System.Globalization;
using System.Text;
using System.Text.Json;
using Valence.Emotion.Evaluation;
using Valence.Nn.Serialization;
using Valence.IO;

namespace Valence.Emotion.Reports;

/// <summary>
/// Several runs side by side (models × protocols): one row per run, grouped by protocol with the baseline first, leaky
/// rows marked, and each deep model's accuracy beside the baseline's under the same protocol.
/// </summary>
public sealed class RunComparison
{
    private RunComparison(IReadOnlyList<ComparisonRow> rows) => Rows = rows;

    /// <summary>The rows, grouped by protocol (in order of first appearance), the baseline first within a protocol.</summary>
    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>Compares the runs in <paramref name="runFolders"/> (each holding a metrics.json).</summary>
    /// <exception cref="InvalidDataException">A folder's metrics.json is missing or malformed.</exception>
    public static RunComparison Load(IEnumerable<string> runFolders)
    {
        ArgumentNullException.ThrowIfNull(runFolders);
        return Of([.. runFolders.Select(folder =>
        {
            string path = Path.Combine(folder, RunFiles.Metrics);
            return File.Exists(path) ? MetricsJson.Read(path) : throw new InvalidDataException($"{folder}: no {RunFiles.Metrics}; is it a run folder?");
        })]);
    }

    /// <summary>Compares <paramref name="runs"/>.</summary>
    /// <exception cref="ArgumentException">No runs, or two with one name.</exception>
    public static RunComparison Of(IReadOnlyList<RunReport> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("there are no runs to compare.", nameof(runs));
        var repeated = runs.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"run '{repeated.Key}' appears {repeated.Count()} times; compare each run once.", nameof(runs));
        var rows = new List<ComparisonRow>();
        foreach (var protocol in runs.GroupBy(r => r.Protocol.Name))
        {
            var baseline = protocol.FirstOrDefault(r => r.Kind == ModelKind.Baseline);
            foreach (var run in protocol.OrderBy(r => r.Kind == ModelKind.Baseline ? 0 : 1))
                rows.Add(Row(run, run == baseline ? null : baseline?.Evaluation.Aggregate.Accuracy.Mean));
        }
        return new RunComparison(rows);
    }

    /// <summary>The comparison as markdown: the table of runs, then accuracy by model and protocol.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder("# Comparison of runs\n\n");
        text.Append("Scores are mean ± sample standard deviation over folds. Chance level is the majority-class rate of the pooled test windows. ")
            .Append("\"vs baseline\" is the mean accuracy minus the baseline's under the same protocol.\n\n");
        if (Rows.Any(r => r.Leaky))
            text.Append($"> Rows marked **LEAKY** come from a leaky protocol ({ProtocolInfo.LeakWarning}); their scores overstate generalisation.\n\n");
        var table = new MarkdownTable(textColumns: 3, "run", "model", "protocol", "folds", "accuracy", "balanced accuracy", "macro-F1", "kappa", "chance level", "vs baseline");
        foreach (var row in Rows)
            table.Add(row.Run, row.Kind == ModelKind.Baseline ? $"{row.Model} (baseline)" : row.Model, ProtocolCell(row),
                row.Folds.ToString(CultureInfo.InvariantCulture), ReportFormat.MeanSd(row.Accuracy), ReportFormat.MeanSd(row.BalancedAccuracy),
                ReportFormat.MeanSd(row.MacroF1), ReportFormat.MeanSd(row.Kappa), ReportFormat.Number(row.ChanceLevel), Difference(row.AccuracyOverBaseline));
        table.AppendTo(text);
        AppendAccuracyGrid(text);
        return text.ToString();
    }

    /// <summary>The comparison as indented JSON: one object per row; undefined numbers are null.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("runs");
            foreach (var row in Rows)
            {
                json.WriteStartObject();
                json.WriteString("run", row.Run);
                json.WriteString("model", row.Model);
                json.WriteString("modelKind", JsonWriting.KindName(row.Kind));
                json.WriteString("protocol", row.Protocol);
                json.WriteBoolean("leaky", row.Leaky);
                json.WriteNumber("folds", row.Folds);
                json.WriteSummary("accuracy", row.Accuracy);
                json.WriteSummary("balancedAccuracy", row.BalancedAccuracy);
                json.WriteSummary("macroF1", row.MacroF1);
                json.WriteSummary("kappa", row.Kappa);
                json.WriteNumberOrNull("pooledAccuracy", row.PooledAccuracy);
                json.WriteNumberOrNull("chanceLevel", row.ChanceLevel);
                json.WriteNumberOrNull("accuracyOverBaseline", row.AccuracyOverBaseline);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Writes comparison.md and comparison.json into <paramref name="directory"/>, each atomically.</summary>
    public void Write(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        AtomicFile.Write(Path.Combine(directory, RunFiles.ComparisonMarkdown), s => s.Write(Encoding.UTF8.GetBytes(ToMarkdown())));
        AtomicFile.Write(Path.Combine(directory, RunFiles.ComparisonJson), s => s.Write(ToJson()));
    }

    private static ComparisonRow Row(RunReport run, double? baselineAccuracy)
    {
        var aggregate = run.Evaluation.Aggregate;
        return new ComparisonRow(run.Name, run.Model, run.Kind, run.Protocol.Name, run.Leaky, aggregate.Count, aggregate.Accuracy,
            aggregate.BalancedAccuracy, aggregate.MacroF1, aggregate.Kappa, aggregate.Pooled.Accuracy, aggregate.Pooled.ChanceLevel,
            aggregate.Accuracy.Mean - baselineAccuracy);
    }

    private void AppendAccuracyGrid(StringBuilder text)
    {
        string[] protocols = [.. Rows.Select(r => r.Protocol).Distinct()];
        string[] models = [.. Rows.OrderBy(r => r.Kind == ModelKind.Baseline ? 0 : 1).Select(r => r.Model).Distinct()];
        text.Append("## Accuracy by model and protocol\n\n");
        var table = new MarkdownTable(["model", .. protocols.Select(p => Rows.First(r => r.Protocol == p).Leaky ? $"{p} **LEAKY**" : p)]);
        foreach (var model in models)
            table.Add([model, .. protocols.Select(p => GridCell(model, p))]);
        table.AppendTo(text);
    }

    /// <summary>The accuracy of the model's runs under the protocol ("; " between several), or "–" when there is none.</summary>
    private string GridCell(string model, string protocol)
    {
        string[] accuracies = [.. Rows.Where(r => r.Model == model && r.Protocol == protocol).Select(r => ReportFormat.MeanSd(r.Accuracy))];
        return accuracies.Length == 0 ? "–" : string.Join("; ", accuracies);
    }

    private static string ProtocolCell(ComparisonRow row) => row.Leaky ? $"{row.Protocol} **LEAKY**" : row.Protocol;

    private static string Difference(double? difference) => difference is double d
        ? (d >= 0 ? "+" : "") + ReportFormat.Number(d)
        : "–";
}
