using System.Text.Json;
using Valence.Eeg.Datasets;
using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Deap;
using Valence.Eeg.Synthetic;
using Valence.Emotion.Evaluation;
using Valence.Emotion.Experiments;
using Valence.Emotion.Models;
using Valence.Emotion.Reports;
using Valence.Emotion.Tests.Reports;
using Valence.Emotion.Training;

namespace Valence.Emotion.Tests.Experiments;

public class ExperimentRunnerTests
{
    /// <summary>
    /// Small synthetic data with a strong, known effect and no trial fingerprints: frontal alpha asymmetry of 5 dB per
    /// valence unit, 3 dB of band power per arousal unit; 4 subjects × 16 trials of 8 s.
    /// </summary>
    private static ExperimentSettings KnownEffect(string preset) => new()
    {
        Data = new DataSettings
        {
            Synthetic = new SyntheticDataSettings
            {
                Subjects = 4, Trials = 16, TrialSeconds = 8, Seed = 3, ValenceAsymmetryDbPerUnit = 5, ArousalDbPerUnit = 3, TrialFingerprintStrength = 0,
            },
        },
        Model = new ModelChoice(preset, new CnnRecurrentSettings(filters: 16, kernelSize: 5, poolSize: 4, hiddenSize: 16, denseUnits: 32, dropout: 0.2f)),
        Protocol = new ProtocolSettings { Name = "trial-holdout", TestRatio = 0.25, Seed = 1 },
        Training = new TrainingSettings { Epochs = 12, BatchSize = 32, LearningRate = 3e-3, Seed = 5 },
    };

    [Theory]
    [InlineData("cnn-lstm")]
    [InlineData("cnn-gru")]
    public void The_paper_models_score_far_above_chance_on_held_out_trials_of_data_with_a_known_effect(string preset)
    {
        using var runs = new TemporaryDirectory();

        var result = new ExperimentRunner().Run(KnownEffect(preset), new RunTarget(runs.Path, preset));

        var aggregate = result.Report.Evaluation.Aggregate;
        Assert.False(result.Report.Leaky);
        Assert.Equal("trial-holdout", result.Report.Protocol.Name);
        // Measured here: cnn-lstm 69%, cnn-gru 87% of 112 test windows from 16 held-out trials, chance 31%.
        Assert.True(aggregate.Pooled.Accuracy >= aggregate.Pooled.ChanceLevel + 0.25,
            $"{preset}: held-out accuracy {aggregate.Pooled.Accuracy:P1}, chance (majority class) {aggregate.Pooled.ChanceLevel:P1}");
    }

    [Fact]
    public void Writes_a_run_folder_whose_model_file_alone_reproduces_the_test_scores()
    {
        using var runs = new TemporaryDirectory();
        var settings = KnownEffect("cnn-gru") with { Training = KnownEffect("cnn-gru").Training with { Epochs = 2 } };

        var result = new ExperimentRunner().Run(settings, new RunTarget(runs.Path, "tiny"));

        foreach (string file in new[] { RunFiles.Metrics, RunFiles.Report, RunFiles.ConfusionMatrix, RunFiles.TrainingCurves, ExperimentRunner.SettingsFile, "model.safetensors", "splits/fold1.json", "checkpoints/fold1.ckpt" })
            Assert.True(File.Exists(Path.Combine(result.Folder, file)), $"{file} is missing");
        Assert.Equal(settings.ToJson(), File.ReadAllText(Path.Combine(result.Folder, ExperimentRunner.SettingsFile)));
        var model = EmotionModelFile.Load(Path.Combine(result.Folder, "model.safetensors"));
        Assert.Equal(["LVLA", "LVHA", "HVLA", "HVHA"], model.ClassNames);
        Assert.Equal(14, model.Spec.Channels);

        var again = ModelEvaluation.Run(result.ModelFiles[0], null, EvaluationScope.Test, new RunTarget(runs.Path, "again"));

        Assert.Equal(Counts(result.Report.Evaluation.Aggregate.Pooled.Confusion), Counts(again.Report.Evaluation.Aggregate.Pooled.Confusion));
    }

    [Fact]
    public void Resuming_a_finished_run_gives_the_same_scores_and_other_settings_are_refused()
    {
        using var runs = new TemporaryDirectory();
        var settings = KnownEffect("cnn-lstm") with { Training = KnownEffect("cnn-lstm").Training with { Epochs = 2 } };
        var first = new ExperimentRunner().Run(settings, new RunTarget(runs.Path, "r"));

        var resumed = new ExperimentRunner().Run(settings, new RunTarget(runs.Path, "r", Resume: true));

        Assert.Equal(Counts(first.Report.Evaluation.Aggregate.Pooled.Confusion), Counts(resumed.Report.Evaluation.Aggregate.Pooled.Confusion));
        var other = settings with { Training = settings.Training with { Seed = 99 } };
        Assert.Contains("other settings", Assert.Throws<InvalidOperationException>(() => new ExperimentRunner().Run(other, new RunTarget(runs.Path, "r", Resume: true))).Message);
        Assert.Contains("already exists", Assert.Throws<InvalidOperationException>(() => new ExperimentRunner().Run(settings, new RunTarget(runs.Path, "r"))).Message);
    }

    [Fact]
    public void Missing_and_unreadable_subjects_are_all_named_before_any_training()
    {
        using var folder = new TemporaryDirectory();
        SyntheticDeapWriter.Write(folder.Path, new SyntheticDeapOptions { SubjectCount = 5, TrialCount = 4, TrialSeconds = 2 }, DeapFormat.PreprocessedPython);
        File.Delete(Path.Combine(folder.Path, "s02.dat"));
        File.WriteAllBytes(Path.Combine(folder.Path, "s03.dat"), []);
        File.WriteAllText(Path.Combine(folder.Path, "s05.dat"), "not a pickle");
        var observer = new RecordingObserver();
        var settings = new ExperimentSettings { Data = new DataSettings { Folder = folder.Path } };

        var e = Assert.Throws<DataProblemsException>(() => new ExperimentRunner(observer).Run(settings, new RunTarget(folder.Path, "run")));

        Assert.Equal([2, 3, 5], e.Problems.Select(p => p.Subject));
        Assert.Contains("s02 missing", e.Message);
        Assert.Contains("s03 the file is empty", e.Message);
        Assert.Contains("s05 does not start like a pickle", e.Message);
        Assert.Equal(0, observer.SubjectsRead);
        Assert.Equal(0, observer.FoldsStarted);
    }

    [Fact]
    public void Raw_recordings_go_through_DEAPs_pipeline_once_then_come_from_the_cache()
    {
        using var folder = new TemporaryDirectory();
        string data = Path.Combine(folder.Path, "raw");
        SyntheticDeapWriter.Write(data, new SyntheticDeapOptions { SubjectCount = 2, TrialCount = 4, TrialSeconds = 4 }, DeapFormat.Raw);
        var observer = new RecordingObserver();
        var settings = KnownEffect("cnn-gru") with
        {
            Data = new DataSettings { Folder = data, CacheFolder = Path.Combine(folder.Path, "cache"), RawTrials = new DeapRawOptions { TrialCount = 4, TrialSeconds = 4 } },
            Protocol = new ProtocolSettings { Name = "trial-holdout", TestRatio = 0.25, ValidationRatio = 0 },
            Training = new TrainingSettings { Epochs = 1, BatchSize = 8 },
        };

        var first = new ExperimentRunner(observer).Run(settings, new RunTarget(folder.Path, "raw1"));
        var second = new ExperimentRunner(observer).Run(settings, new RunTarget(folder.Path, "raw2"));

        Assert.Equal([CacheOutcome.Created, CacheOutcome.Created, CacheOutcome.Hit, CacheOutcome.Hit], observer.CacheOutcomes);
        var model = EmotionModelFile.Load(first.ModelFiles[0]);
        Assert.Equal(Valence.Eeg.Recordings.DeapChannels.Emotiv14, model.ChannelNames);
        Assert.Equal(128, model.Spec.SampleRate);
        Assert.Equal(["resample", "eogRegression", "bandPass", "commonAverageReference", "channelSelection", "channelSelection", "baselineRemoval"],
            JsonDocument.Parse(model.Metadata[ExperimentModelMetadata.Preprocessing]).RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.Equal(Counts(first.Report.Evaluation.Aggregate.Pooled.Confusion), Counts(second.Report.Evaluation.Aggregate.Pooled.Confusion));
    }

    [Fact]
    public void Settings_that_do_not_fit_the_data_fail_after_the_first_subject()
    {
        using var runs = new TemporaryDirectory();
        var observer = new RecordingObserver();
        var settings = KnownEffect("cnn-lstm") with { Windows = new WindowingSettings { LengthSeconds = 9 } };

        var e = Assert.Throws<ArgumentException>(() => new ExperimentRunner(observer).Run(settings, new RunTarget(runs.Path, "long")));

        Assert.Contains("window length", e.Message);
        Assert.Equal(0, observer.SubjectsRead);
    }

    private static long[] Counts(ConfusionMatrix m) =>
        [.. Enumerable.Range(0, m.ClassCount).SelectMany(t => Enumerable.Range(0, m.ClassCount).Select(p => m[t, p]))];

    private sealed class RecordingObserver : IExperimentObserver
    {
        public int SubjectsRead { get; private set; }

        public int FoldsStarted { get; private set; }

        public List<CacheOutcome> CacheOutcomes { get; } = [];

        public void SubjectReady(int subject, int done, int total, CacheOutcome? cache)
        {
            SubjectsRead++;
            if (cache is { } outcome) CacheOutcomes.Add(outcome);
        }

        public void FoldStarted(FoldStart fold) => FoldsStarted++;
    }
}
