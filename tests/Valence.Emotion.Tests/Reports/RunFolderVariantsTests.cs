using System.Text.Json;
using Valence.Emotion.Evaluation;
using Valence.Emotion.Reports;

namespace Valence.Emotion.Tests.Reports;

public class RunFolderVariantsTests
{
    [Fact]
    public void A_baseline_without_history_or_subjects_gets_no_training_or_subject_images()
    {
        using var directory = new TemporaryDirectory();
        var evaluation = RunEvaluation.Evaluate(SampleRuns.TrialHoldout, SampleRuns.Classes, [new FoldPredictions(0, [0, 1, 2, 3, 0], [0, 1, 3, 3, 0])]);
        var run = new RunReport("bandpower-holdout", "bandpower", ModelKind.Baseline, [], evaluation, []);
        string folder = RunFolderWriter.Write(run, directory.Path);

        Assert.Equal([RunFiles.ConfusionMatrix, RunFiles.Metrics, RunFiles.Report], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        string report = File.ReadAllText(Path.Combine(folder, RunFiles.Report));
        Assert.Contains("No training history", report);
        Assert.DoesNotContain(RunFiles.TrainingCurves, report);
        Assert.DoesNotContain(RunFiles.SubjectAccuracy, report);
        Assert.Equal(ModelKind.Baseline, MetricsJson.Read(Path.Combine(folder, RunFiles.Metrics)).Kind);
    }

    [Fact]
    public void Undefined_numbers_are_written_as_null_and_read_back_as_undefined()
    {
        using var directory = new TemporaryDirectory();
        // One class only, all predicted right: kappa is undefined; one fold: no standard deviation.
        var evaluation = RunEvaluation.Evaluate(SampleRuns.Loso, SampleRuns.Classes, [new FoldPredictions(0, [2, 2, 2], [2, 2, 2], [9, 9, 9])]);
        var run = new RunReport("degenerate", "tcn", ModelKind.Deep, [], evaluation,
            [new FoldHistory(0, [new EpochRecord(1, double.NaN, 0.5, null, null, 0.01, 1.0)])]);
        string folder = RunFolderWriter.Write(run, directory.Path);
        string path = Path.Combine(folder, RunFiles.Metrics);

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var aggregate = document.RootElement.GetProperty("aggregate");
        Assert.Equal(JsonValueKind.Null, aggregate.GetProperty("kappa").GetProperty("mean").ValueKind);
        Assert.Equal(JsonValueKind.Null, aggregate.GetProperty("accuracy").GetProperty("sd").ValueKind);
        Assert.Equal(1.0, aggregate.GetProperty("accuracy").GetProperty("mean").GetDouble());
        var read = MetricsJson.Read(path);
        Assert.True(double.IsNaN(read.Evaluation.Aggregate.Pooled.Kappa));
        Assert.True(double.IsNaN(read.History[0].Epochs[0].TrainLoss));
        Assert.Null(read.History[0].Epochs[0].ValidationLoss);
        Assert.Contains("| Cohen's kappa | n/a (n = 1) | n/a |", File.ReadAllText(Path.Combine(folder, RunFiles.Report)));
    }

    [Fact]
    public void Writing_again_replaces_the_files_and_leaves_no_temporary_file()
    {
        using var directory = new TemporaryDirectory();
        var first = SampleRuns.Create("again", "cnn-gru", SampleRuns.Loso, skill: 0.5, folds: 2, subjects: 2, epochs: 3, seed: 5);
        var second = SampleRuns.Create("again", "cnn-gru", SampleRuns.Loso, skill: 0.9, folds: 2, subjects: 2, epochs: 3, seed: 6);
        RunFolderWriter.Write(first, directory.Path);
        string folder = RunFolderWriter.Write(second, directory.Path);

        Assert.Equal(second.Evaluation.Aggregate.Accuracy, MetricsJson.Read(Path.Combine(folder, RunFiles.Metrics)).Evaluation.Aggregate.Accuracy);
        Assert.DoesNotContain(Directory.GetFiles(directory.Path, "*", SearchOption.AllDirectories), f => Path.GetFileName(f).StartsWith('.') || f.EndsWith(".tmp"));
        Assert.Equal(5, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public void A_malformed_metrics_file_is_named_with_its_field()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, RunFiles.Metrics);
        var run = SampleRuns.Create("broken", "lstm", SampleRuns.TrialHoldout, skill: 0.5, folds: 1, subjects: 2, epochs: 2);
        string json = System.Text.Encoding.UTF8.GetString(MetricsJson.Write(run));

        File.WriteAllText(path, json.Replace("\"classNames\"", "\"classes\"", StringComparison.Ordinal));
        var missing = Assert.Throws<InvalidDataException>(() => MetricsJson.Read(path));
        Assert.Contains(path, missing.Message);
        Assert.Contains("'classNames' is missing", missing.Message);

        File.WriteAllText(path, json.Replace("\"leaky\": false", "\"leaky\": \"no\"", StringComparison.Ordinal));
        Assert.Contains("'protocol.leaky' is not true or false", Assert.Throws<InvalidDataException>(() => MetricsJson.Read(path)).Message);

        File.WriteAllText(path, json[..(json.Length / 2)]);
        Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => MetricsJson.Read(path)).Message);
    }

    [Fact]
    public void A_run_name_must_be_a_plain_folder_name()
    {
        var evaluation = RunEvaluation.Evaluate(SampleRuns.TrialHoldout, SampleRuns.Classes, [new FoldPredictions(0, [0], [0])]);
        foreach (string name in new[] { "../escape", "a/b", ".hidden", "", "with space" })
            Assert.Contains("plain folder name", Assert.Throws<ArgumentException>(() => new RunReport(name, "m", ModelKind.Deep, [], evaluation, [])).Message);
        Assert.Contains("fold 3", Assert.Throws<ArgumentException>(() =>
            new RunReport("ok", "m", ModelKind.Deep, [], evaluation, [new FoldHistory(3, [])])).Message);
    }
}
