using System.Diagnostics;
using System.Globalization;
using System.Text;
using Valence.Eeg.Datasets;
using Valence.Eeg.Formats;
using Valence.Eeg.Protocols;
using Valence.Eeg.Recordings;
using Valence.Emotion.Evaluation;
using Valence.Emotion.Models;
using Valence.Emotion.Reports;
using Valence.Emotion.Training;
using Valence.IO;

namespace Valence.Emotion.Experiments;

/// <summary>
/// Runs an experiment end to end: data (a DEAP folder in any form, or synthetic) → preprocessing (through the
/// preprocessed cache) → trials → windows → labels → the protocol's splits → per fold: a normaliser fitted on the
/// fold's training windows, training with a checkpoint per epoch (resumable), prediction on the test windows →
/// evaluation per fold, per subject and over folds → the run folder (metrics.json, report.md, plots, one model file
/// per fold, settings.json, split manifests).
/// </summary>
/// <remarks>
/// Bad settings are refused before any long work: every part is validated first; the data folder is surveyed and
/// every missing or unreadable subject named at once; the first subject read is checked against the windows, channels
/// and model; the splits are made (checking folds against trials and subjects) before the first epoch. A run folder
/// that exists is refused unless the run resumes it (same settings) or overwrites it.
/// </remarks>
public sealed class ExperimentRunner
{
    /// <summary>The file a run folder keeps its settings in.</summary>
    public const string SettingsFile = "settings.json";

    /// <summary>The folder of a run folder that holds the per-fold checkpoints.</summary>
    public const string CheckpointFolder = "checkpoints";

    /// <summary>The folder of a run folder that holds the per-fold split manifests.</summary>
    public const string SplitFolder = "splits";

    private readonly IExperimentObserver _observer;

    /// <summary>Creates a runner that reports to <paramref name="observer"/> (none by default).</summary>
    public ExperimentRunner(IExperimentObserver? observer = null) => _observer = observer ?? SilentObserver.Instance;

    /// <summary>Runs <paramref name="settings"/> into <paramref name="target"/>'s folder.</summary>
    /// <exception cref="ArgumentException">A setting is invalid or does not fit the data; the message names it.</exception>
    /// <exception cref="DataProblemsException">Subjects of the data folder are missing or unreadable.</exception>
    /// <exception cref="InvalidOperationException">The run folder exists and neither resume nor overwrite was asked, or training diverged.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the checkpoints hold the last completed epochs.</exception>
    public ExperimentResult Run(ExperimentSettings settings, RunTarget target, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(target);
        long start = Stopwatch.GetTimestamp();
        settings.Validate();
        RunReport.RequireFolderName(target.Name);
        PrepareFolder(settings, target);

        _observer.Stage("reading and preprocessing data");
        ModelSpec? spec = null;
        var scheme = settings.Labels.ToScheme();
        var (trials, format) = ExperimentData.Load(settings, _observer, first => spec = CheckFirst(settings, first, scheme), cancellation);
        var windows = new WindowSet(trials, settings.Windows.ToWindowSettings());
        var labels = new TrialLabels(trials, scheme);

        _observer.Stage("splitting");
        var splits = settings.Protocol.Create().CreateSplits(windows, labels);
        string folder = target.Folder;
        AtomicFile.Write(Path.Combine(folder, SettingsFile), s => s.Write(Encoding.UTF8.GetBytes(settings.ToJson())));

        var predictions = new List<FoldPredictions>();
        var history = new List<FoldHistory>();
        var models = new List<string>();
        for (int fold = 0; fold < splits.Count; fold++)
        {
            var outcome = RunFold(settings, format, target, spec!, windows, labels, splits, fold, cancellation);
            predictions.Add(outcome.Predictions);
            history.Add(outcome.History);
            models.Add(outcome.ModelFile);
        }

        _observer.Stage("writing the report");
        var evaluation = RunEvaluation.Evaluate(settings.Protocol.Info(), scheme.ClassNames, predictions);
        var report = new RunReport(target.Name, settings.Model.Preset, settings.Model.Kind, RunSettings(settings, format, trials, spec!), evaluation, history);
        RunFolderWriter.Write(report, target.RunsDirectory);
        return new ExperimentResult(folder, report, models, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>The file name of fold <paramref name="fold"/>'s model among <paramref name="foldCount"/> folds.</summary>
    public static string ModelFileName(int fold, int foldCount) => foldCount == 1 ? "model.safetensors" : $"model-fold{fold + 1}.safetensors";

    private FoldOutcome RunFold(ExperimentSettings settings, DeapFormat format, RunTarget target, ModelSpec spec, WindowSet windows, TrialLabels labels,
        IReadOnlyList<Split> splits, int fold, CancellationToken cancellation)
    {
        var split = splits[fold];
        string folder = target.Folder;
        AtomicFile.Write(Path.Combine(folder, SplitFolder, $"fold{fold + 1}.json"), s => s.Write(Encoding.UTF8.GetBytes(split.Manifest.ToJson())));
        var normalizer = Normalizer.Fit(windows, split.Train.AsSpan(), settings.Normalization.ToNormalizerSettings());
        var data = new NormalizedWindows(windows, labels, normalizer);
        var training = new TrainingData(data, split.Train, split.Validation);
        string checkpoint = Path.Combine(folder, CheckpointFolder, $"fold{fold + 1}.ckpt");
        Directory.CreateDirectory(Path.GetDirectoryName(checkpoint)!);
        var progress = new ObserverProgress(_observer);
        var trainer = new Trainer(settings.Training) { CheckpointPath = checkpoint, EpochProgress = progress, BatchProgress = progress };
        bool resume = target.Resume && File.Exists(checkpoint);
        int batches = (split.Train.Length + settings.Training.BatchSize - 1) / settings.Training.BatchSize;
        _observer.FoldStarted(new FoldStart(target.Name, fold, splits.Count, split.ToString(), split.Train.Length, split.Validation.Length, split.Test.Length,
            settings.Training.Epochs, batches, resume));

        var result = resume ? trainer.Resume(training, cancellation) : trainer.Train(spec.Build(), training, cancellation);

        var test = split.Test;
        var predicted = WindowPredictor.Predict(result.Model, data, test).Classes.ToArray();
        int[] truth = [.. test.Select(data.Label)];
        int[] subjects = [.. test.Select(data.Subject)];
        _observer.FoldFinished(fold, ClassificationMetrics.Compute(truth, predicted, labels.ClassNames));

        string modelFile = Path.Combine(folder, ModelFileName(fold, splits.Count));
        var metadata = new Dictionary<string, string>
        {
            [ExperimentModelMetadata.Settings] = settings.ToJson(),
            [ExperimentModelMetadata.Preprocessing] = settings.Preprocessing.Pipeline(format).ToCanonicalJson(),
            [ExperimentModelMetadata.Normalizer] = normalizer.ToJson(),
            [ExperimentModelMetadata.SplitManifest] = split.Manifest.ToJson(),
            [ExperimentModelMetadata.Fold] = fold.ToString(CultureInfo.InvariantCulture),
        };
        EmotionModelFile.Save(modelFile, new EmotionModel(result.Model, spec, windows.ChannelNames, labels.ClassNames, metadata));
        var epochs = result.History.Select(e => new EpochRecord(e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy,
            e.LearningRate, e.EpochTime.TotalSeconds)).ToArray();
        return new FoldOutcome(new FoldPredictions(fold, truth, predicted, subjects), new FoldHistory(fold, epochs), modelFile);
    }

    /// <summary>Checks the settings against the first preprocessed recording: the windows fit its trials and the model fits the windows.</summary>
    private static ModelSpec CheckFirst(ExperimentSettings settings, SubjectRecording first, LabelScheme scheme)
    {
        var windows = new WindowSet(new TrialSet([first]), settings.Windows.ToWindowSettings());
        return settings.Model.Spec(first.ChannelCount, windows.Length, first.SampleRate, scheme.ClassCount);
    }

    private static void PrepareFolder(ExperimentSettings settings, RunTarget target)
    {
        string folder = target.Folder;
        string settingsPath = Path.Combine(folder, SettingsFile);
        bool exists = Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any();
        if (exists && target.Resume)
        {
            if (File.Exists(settingsPath) && File.ReadAllText(settingsPath) != settings.ToJson())
                throw new InvalidOperationException(
                    $"{settingsPath} holds other settings than this run's, so resuming would not continue the same run; run with the settings in that file, or overwrite the run.");
        }
        else if (exists && !target.Overwrite)
            throw new InvalidOperationException($"The run folder {folder} already exists; resume it, overwrite it, or choose another run name.");
        else if (exists)
        {
            // Only what a run writes is removed, so that a wrong name cannot empty someone's folder.
            foreach (string sub in new[] { CheckpointFolder, SplitFolder })
                if (Directory.Exists(Path.Combine(folder, sub))) Directory.Delete(Path.Combine(folder, sub), recursive: true);
            foreach (string model in Directory.EnumerateFiles(folder, "model*.safetensors")) File.Delete(model);
        }
        Directory.CreateDirectory(folder);
    }

    private static List<RunSetting> RunSettings(ExperimentSettings settings, DeapFormat format, TrialSet trials, ModelSpec spec)
    {
        var windows = settings.Windows.ToWindowSettings();
        var protocol = settings.Protocol.Create();
        return
        [
            new("data", settings.Data.Folder ?? $"synthetic: {settings.Data.Synthetic!.Subjects} subjects × {settings.Data.Synthetic.Trials} trials × {settings.Data.Synthetic.TrialSeconds} s, seed {settings.Data.Synthetic.Seed}"),
            new("subjects", string.Join(", ", trials.Subjects)),
            new("trials", trials.Count.ToString(CultureInfo.InvariantCulture)),
            new("channels", string.Join(", ", trials.ChannelNames)),
            new("sample rate", $"{trials.SampleRate.ToString(CultureInfo.InvariantCulture)} Hz"),
            new("form", format.ToString()),
            new("preprocessing", settings.Preprocessing.Describe(format)),
            new("windows", windows.Canonical),
            new("labels", settings.Labels.ToScheme().Canonical),
            new("normalisation", settings.Normalization.Describe()),
            new("protocol", $"{protocol.Name}: {protocol.Settings}; seed={protocol.Seed}"),
            new("model", spec.ToJson().ToJsonString()),
            new("training", System.Text.Json.JsonSerializer.Serialize(settings.Training, Serialization.EmotionJson.Options)),
        ];
    }

    private sealed record FoldOutcome(FoldPredictions Predictions, FoldHistory History, string ModelFile);
}
