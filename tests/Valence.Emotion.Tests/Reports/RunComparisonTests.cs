using System.Text.Json;
using Valence.Emotion.Evaluation;
using Valence.Emotion.Reports;

namespace Valence.Emotion.Tests.Reports;

public class RunComparisonTests
{
    private static readonly RunReport[] Runs =
    [
        SampleRuns.Create("lstm-holdout", "cnn-lstm", SampleRuns.TrialHoldout, skill: 0.5, seed: 11),
        SampleRuns.Create("lstm-paper", "cnn-lstm", SampleRuns.Paper, skill: 0.9, folds: 1, seed: 12),
        SampleRuns.Create("bandpower-holdout", "bandpower", SampleRuns.TrialHoldout, skill: 0.3, kind: ModelKind.Baseline, seed: 13),
        SampleRuns.Create("gru-holdout", "cnn-gru", SampleRuns.TrialHoldout, skill: 0.6, seed: 14),
    ];

    [Fact]
    public void Rows_group_by_protocol_with_the_baseline_first_and_differences_against_it()
    {
        var comparison = RunComparison.Of(Runs);
        Assert.Equal(["bandpower-holdout", "lstm-holdout", "gru-holdout", "lstm-paper"], comparison.Rows.Select(r => r.Run));
        double baseline = Runs[2].Evaluation.Aggregate.Accuracy.Mean;
        Assert.Null(comparison.Rows[0].AccuracyOverBaseline);
        Assert.Equal(Runs[0].Evaluation.Aggregate.Accuracy.Mean - baseline, comparison.Rows[1].AccuracyOverBaseline);
        Assert.Equal(Runs[3].Evaluation.Aggregate.Accuracy.Mean - baseline, comparison.Rows[2].AccuracyOverBaseline);
        // No baseline ran under the paper protocol.
        Assert.Null(comparison.Rows[3].AccuracyOverBaseline);
        Assert.Equal([false, false, false, true], comparison.Rows.Select(r => r.Leaky));
    }

    [Fact]
    public void The_markdown_lists_every_run_and_marks_the_leaky_ones()
    {
        string markdown = RunComparison.Of(Runs).ToMarkdown();
        string[] lines = markdown.Split('\n');
        foreach (var run in Runs)
        {
            string row = Assert.Single(lines, l => l.StartsWith($"| {run.Name} |", StringComparison.Ordinal));
            Assert.Equal(run.Leaky, row.Contains("LEAKY", StringComparison.Ordinal));
            Assert.Contains(ReportFormat.MeanSd(run.Evaluation.Aggregate.Accuracy), row);
        }
        Assert.Contains("| bandpower-holdout | bandpower (baseline) |", markdown);
        Assert.Contains(ProtocolInfo.LeakWarning, markdown);
        Assert.Contains("| model | trial-holdout | paper-leaky **LEAKY** |", markdown);
        Assert.Contains($"| cnn-gru | {ReportFormat.MeanSd(Runs[3].Evaluation.Aggregate.Accuracy)} | – |", markdown);
    }

    [Fact]
    public void Run_folders_compare_into_markdown_and_json_files()
    {
        using var directory = new TemporaryDirectory();
        string[] folders = [.. Runs.Take(3).Select(r => RunFolderWriter.Write(r, directory.Path))];
        string output = Path.Combine(directory.Path, "comparison");
        RunComparison.Load(folders).Write(output);

        Assert.Equal([RunFiles.ComparisonJson, RunFiles.ComparisonMarkdown], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, RunFiles.ComparisonJson)));
        var rows = json.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(["bandpower-holdout", "lstm-holdout", "lstm-paper"], rows.Select(r => r.GetProperty("run").GetString()));
        Assert.Equal([false, false, true], rows.Select(r => r.GetProperty("leaky").GetBoolean()));
        Assert.Equal("baseline", rows[0].GetProperty("modelKind").GetString());
        Assert.Equal(Runs[0].Evaluation.Aggregate.Accuracy.Mean, rows[1].GetProperty("accuracy").GetProperty("mean").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("accuracyOverBaseline").ValueKind);
        Assert.Contains("| lstm-paper |", File.ReadAllText(Path.Combine(output, RunFiles.ComparisonMarkdown)));
    }

    [Fact]
    public void Repeated_runs_and_folders_without_metrics_are_refused()
    {
        Assert.Contains("appears 2 times", Assert.Throws<ArgumentException>(() => RunComparison.Of([Runs[0], Runs[0]])).Message);
        using var directory = new TemporaryDirectory();
        Assert.Contains("no metrics.json", Assert.Throws<InvalidDataException>(() => RunComparison.Load([directory.Path])).Message);
    }
}
