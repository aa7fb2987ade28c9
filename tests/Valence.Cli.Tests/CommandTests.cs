using System.Text.Json;
using Valence.Eeg.Formats;

namespace Valence.Cli.Tests;

public class CommandTests
{
    [Fact]
    public void Synth_writes_a_folder_that_reads_back_in_the_chosen_form()
    {
        using var folder = new TemporaryDirectory();

        var cli = Cli.Run("synth", "--out", folder.Path, "--format", "mat", "--subjects", "2", "--trials", "4", "--trial-seconds", "2", "--quiet");

        Assert.Equal(0, cli.ExitCode);
        var deap = DeapFolder.Open(folder.Path);
        Assert.Equal(DeapFormat.PreprocessedMatlab, deap.Format);
        Assert.Equal([1, 2], deap.Subjects);
        var recording = deap.Read(2);
        Assert.Equal((4, 40, 5 * 128), (recording.TrialCount, recording.ChannelCount, recording.SamplesPerTrial));
    }

    [Fact]
    public void Inspect_prints_the_shape_of_a_generated_file()
    {
        using var folder = new TemporaryDirectory();
        Assert.Equal(0, Cli.Run("synth", "--out", folder.Path, "--subjects", "1", "--trials", "4", "--trial-seconds", "2", "--quiet").ExitCode);

        var cli = Cli.Run("inspect", Path.Combine(folder.Path, "s01.dat"));

        Assert.Equal(0, cli.ExitCode);
        Assert.Contains("4 trials × 40 channels × 640 samples", cli.Output);
        Assert.Contains("128 Hz", cli.Output);
        Assert.Contains("LVLA", cli.Output);
    }

    [Fact]
    public void A_tiny_train_run_writes_a_run_folder_and_reports_json_lines()
    {
        using var folder = new TemporaryDirectory();
        string data = Path.Combine(folder.Path, "data"), runs = Path.Combine(folder.Path, "runs");
        Assert.Equal(0, Cli.Run("synth", "--out", data, "--subjects", "2", "--trials", "8", "--trial-seconds", "4", "--quiet").ExitCode);

        var cli = Cli.Run("train", "--data", data, "--runs", runs, "--name", "tiny", "--model", "cnn-gru", "--epochs", "2", "--batch-size", "16",
            "--model-settings", """{"filters": 8, "hiddenSize": 8, "denseUnits": 16, "poolSize": 4}""", "--json");

        Assert.True(cli.ExitCode == 0, cli.Error);
        string run = Path.Combine(runs, "tiny");
        foreach (string file in new[] { "metrics.json", "report.md", "settings.json", "model.safetensors" })
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} is missing");
        var events = cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("event").GetString()).ToArray();
        Assert.Equal(2, events.Count(e => e == "epoch"));
        Assert.Equal("result", events[^1]);

        var inspected = Cli.Run("inspect", Path.Combine(run, "model.safetensors"));
        Assert.Contains("cnn-gru", inspected.Output);
        var compared = Cli.Run("compare", runs);
        Assert.Equal(0, compared.ExitCode);
        Assert.Contains("cnn-gru", compared.Output);
    }

    [Fact]
    public void Missing_subjects_are_named_before_training()
    {
        using var folder = new TemporaryDirectory();
        Assert.Equal(0, Cli.Run("synth", "--out", folder.Path, "--subjects", "3", "--trials", "4", "--trial-seconds", "2", "--quiet").ExitCode);
        File.Delete(Path.Combine(folder.Path, "s02.dat"));

        var cli = Cli.Run("train", "--data", folder.Path, "--runs", Path.Combine(folder.Path, "runs"));

        Assert.Equal(1, cli.ExitCode);
        Assert.Single(cli.ErrorLines);
        Assert.Contains("s02 missing", cli.Error);
    }
}
