using System.Text.Json;
using Valence.Emotion.Evaluation;
using Valence.Emotion.Reports;

namespace Valence.Emotion.Tests.Reports;

/// <summary>One leaky and one honest run written once for all tests of the class (rendering is the slow part).</summary>
public sealed class WrittenRuns : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public WrittenRuns()
    {
        Leaky = SampleRuns.Create("cnn-lstm-paper", "cnn-lstm", SampleRuns.Paper, skill: 0.8, folds: 1, subjects: 5);
        Honest = SampleRuns.Create("cnn-lstm-holdout", "cnn-lstm", SampleRuns.TrialHoldout, skill: 0.3, folds: 3, subjects: 4, seed: 2);
        LeakyFolder = RunFolderWriter.Write(Leaky, _directory.Path);
        HonestFolder = RunFolderWriter.Write(Honest, _directory.Path);
    }

    public RunReport Leaky { get; }
    public RunReport Honest { get; }
    public string LeakyFolder { get; }
    public string HonestFolder { get; }

    public void Dispose() => _directory.Dispose();
}

public class RunFolderWriterTests(WrittenRuns runs) : IClassFixture<WrittenRuns>
{
    [Fact]
    public void The_folder_is_named_after_the_run_and_holds_every_file_and_no_temporary_one()
    {
        Assert.Equal("cnn-lstm-holdout", Path.GetFileName(runs.HonestFolder));
        string[] files = [.. Directory.GetFiles(runs.HonestFolder).Select(Path.GetFileName).Order()!];
        Assert.Equal([RunFiles.ConfusionMatrix, RunFiles.Metrics, RunFiles.Report, RunFiles.SubjectAccuracy, RunFiles.TrainingCurves], files);
    }

    [Fact]
    public void Images_are_valid_pngs_of_the_documented_sizes()
    {
        Png.AssertValid(Path.Combine(runs.HonestFolder, RunFiles.TrainingCurves), RunFiles.TrainingCurvesSize);
        Png.AssertValid(Path.Combine(runs.HonestFolder, RunFiles.ConfusionMatrix), RunFiles.ConfusionMatrixSize);
        Png.AssertValid(Path.Combine(runs.HonestFolder, RunFiles.SubjectAccuracy), RunFiles.SubjectAccuracySize);
    }

    [Fact]
    public void The_leaky_flag_and_warning_reach_metrics_json_and_the_report()
    {
        using var leaky = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runs.LeakyFolder, RunFiles.Metrics)));
        Assert.True(leaky.RootElement.GetProperty("leaky").GetBoolean());
        Assert.True(leaky.RootElement.GetProperty("protocol").GetProperty("leaky").GetBoolean());
        Assert.Equal(ProtocolInfo.LeakWarning, leaky.RootElement.GetProperty("warning").GetString());
        Assert.All(leaky.RootElement.GetProperty("folds").EnumerateArray().Concat(leaky.RootElement.GetProperty("subjects").EnumerateArray()),
            r => Assert.True(r.GetProperty("leaky").GetBoolean()));
        string report = File.ReadAllText(Path.Combine(runs.LeakyFolder, RunFiles.Report));
        Assert.Contains("LEAKY: random window split, neighbours of every test window are in training", report);
        Assert.Contains("## Results (LEAKY protocol)", report);

        using var honest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runs.HonestFolder, RunFiles.Metrics)));
        Assert.False(honest.RootElement.GetProperty("leaky").GetBoolean());
        Assert.Equal(JsonValueKind.Null, honest.RootElement.GetProperty("warning").ValueKind);
        Assert.DoesNotContain("LEAKY", File.ReadAllText(Path.Combine(runs.HonestFolder, RunFiles.Report)));
    }

    [Fact]
    public void Metrics_json_holds_the_same_numbers()
    {
        var evaluation = runs.Honest.Evaluation;
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runs.HonestFolder, RunFiles.Metrics)));
        var root = document.RootElement;
        var aggregate = root.GetProperty("aggregate");
        Assert.Equal(evaluation.Aggregate.Accuracy.Mean, aggregate.GetProperty("accuracy").GetProperty("mean").GetDouble());
        Assert.Equal(evaluation.Aggregate.Accuracy.StandardDeviation, aggregate.GetProperty("accuracy").GetProperty("sd").GetDouble());
        Assert.Equal(evaluation.Aggregate.MacroF1.Mean, aggregate.GetProperty("macroF1").GetProperty("mean").GetDouble());
        Assert.Equal(evaluation.Aggregate.Pooled.Kappa, aggregate.GetProperty("pooled").GetProperty("kappa").GetDouble());
        var folds = root.GetProperty("folds").EnumerateArray().ToArray();
        Assert.Equal(evaluation.Folds.Count, folds.Length);
        for (int f = 0; f < folds.Length; f++)
        {
            Assert.Equal(f, folds[f].GetProperty("fold").GetInt32());
            Assert.Equal(evaluation.Folds[f].Metrics.Accuracy, folds[f].GetProperty("metrics").GetProperty("accuracy").GetDouble());
            Assert.Equal(evaluation.Folds[f].Metrics.PerClass[2].F1,
                folds[f].GetProperty("metrics").GetProperty("perClass")[2].GetProperty("f1").GetDouble());
            Assert.Equal(evaluation.Folds[f].Metrics.Confusion[1, 3],
                folds[f].GetProperty("metrics").GetProperty("confusion")[1][3].GetInt64());
        }
        var subjects = root.GetProperty("subjects").EnumerateArray().ToArray();
        Assert.Equal(evaluation.Subjects.Select(s => s.Context.Subject), subjects.Select(s => (int?)s.GetProperty("subject").GetInt32()));
        var epoch = root.GetProperty("history")[1].GetProperty("epochs")[4];
        var expected = runs.Honest.History[1].Epochs[4];
        Assert.Equal(expected.ValidationLoss, epoch.GetProperty("validationLoss").GetDouble());
        Assert.Equal(expected.LearningRate, epoch.GetProperty("learningRate").GetDouble());
        Assert.Equal(expected.Seconds, epoch.GetProperty("seconds").GetDouble());
        Assert.Equal(["model", "epochs", "batch size", "note"], root.GetProperty("settings").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Metrics_json_reads_back_into_the_same_run()
    {
        var read = MetricsJson.Read(Path.Combine(runs.HonestFolder, RunFiles.Metrics));
        var original = runs.Honest;
        Assert.Equal((original.Name, original.Model, original.Kind, original.Protocol), (read.Name, read.Model, read.Kind, read.Protocol));
        Assert.Equal(original.Settings, read.Settings);
        Assert.Equal(original.Evaluation.ClassNames, read.Evaluation.ClassNames);
        Assert.Equal(original.Evaluation.Folds.Select(f => f.Metrics.MacroF1), read.Evaluation.Folds.Select(f => f.Metrics.MacroF1));
        Assert.Equal(original.Evaluation.Subjects.Select(s => s.Metrics.Kappa), read.Evaluation.Subjects.Select(s => s.Metrics.Kappa));
        Assert.Equal(original.Evaluation.Aggregate.Accuracy, read.Evaluation.Aggregate.Accuracy);
        Assert.Equal(original.History.SelectMany(h => h.Epochs), read.History.SelectMany(h => h.Epochs));
    }

    [Fact]
    public void The_report_shows_protocol_tables_and_images()
    {
        string report = File.ReadAllText(Path.Combine(runs.HonestFolder, RunFiles.Report));
        var pooled = runs.Honest.Evaluation.Aggregate.Pooled;
        Assert.Contains("Protocol: **trial-holdout**", report);
        Assert.Contains("Rows are true classes, columns predicted classes.", report);
        Assert.Contains($"| HVHA | {pooled.Confusion[0, 0]} | {pooled.Confusion[0, 1]} | {pooled.Confusion[0, 2]} | {pooled.Confusion[0, 3]} |", report);
        Assert.Contains($"| accuracy | {ReportFormat.MeanSd(runs.Honest.Evaluation.Aggregate.Accuracy)} | {ReportFormat.Number(pooled.Accuracy)} |", report);
        Assert.Contains("| s04 |", report);
        Assert.Contains("| note | a \\| pipe |", report);
        foreach (var image in new[] { RunFiles.TrainingCurves, RunFiles.ConfusionMatrix, RunFiles.SubjectAccuracy })
            Assert.Contains($"]({image})", report);
    }
}
