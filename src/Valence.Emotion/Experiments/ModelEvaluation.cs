using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Valence.Eeg.Datasets;
using Valence.Emotion.Evaluation;
using Valence.Emotion.Models;
using Valence.Emotion.Reports;
using Valence.Emotion.Training;

namespace Valence.Emotion.Experiments;

/// <summary>
/// Evaluates a saved model on a data folder, preparing the data exactly as the model was trained (the preprocessing,
/// windows, labels and fitted normaliser stored in its file), and writes a run folder with the scores.
/// </summary>
/// <remarks>
/// Two test sets: <see cref="EvaluationScope.Test"/> re-creates the split the model was trained under and scores its
/// test windows (refused when the data is not the data the split was made on, since the test set would then be
/// another); <see cref="EvaluationScope.All"/> scores every window, which is honest only on data the model never saw.
/// </remarks>
public static class ModelEvaluation
{
    /// <summary>Evaluates the model in <paramref name="modelPath"/> on <paramref name="data"/> (null: the data it was trained on).</summary>
    /// <exception cref="Valence.Nn.Serialization.ModelFormatException">The file is not a model an experiment saved.</exception>
    /// <exception cref="ArgumentException">The data does not fit the model (channels, sample rate, window), or the test split cannot be re-created on it.</exception>
    public static ExperimentResult Run(string modelPath, DataSettings? data, EvaluationScope scope, RunTarget target,
        IExperimentObserver? observer = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        ArgumentNullException.ThrowIfNull(target);
        observer ??= SilentObserver.Instance;
        long start = Stopwatch.GetTimestamp();
        RunReport.RequireFolderName(target.Name);
        if (Directory.Exists(target.Folder) && Directory.EnumerateFileSystemEntries(target.Folder).Any() && !target.Overwrite)
            throw new InvalidOperationException($"The run folder {target.Folder} already exists; overwrite it or choose another run name.");

        var model = EmotionModelFile.Load(modelPath);
        var trained = ExperimentSettings.FromJson(Metadata(model, modelPath, ExperimentModelMetadata.Settings));
        var normalizer = Normalizer.FromJson(Metadata(model, modelPath, ExperimentModelMetadata.Normalizer), modelPath);
        int fold = int.Parse(Metadata(model, modelPath, ExperimentModelMetadata.Fold), CultureInfo.InvariantCulture);
        var settings = data is null ? trained : trained with { Data = data };
        settings.Data.Validate();

        observer.Stage("reading and preprocessing data");
        var (trials, _) = ExperimentData.Load(settings, observer, first => CheckFits(model, first, settings, modelPath), cancellation);
        var windows = new WindowSet(trials, settings.Windows.ToWindowSettings());
        var labels = new TrialLabels(trials, settings.Labels.ToScheme());
        var prepared = new NormalizedWindows(windows, labels, normalizer);
        var (indices, protocol) = scope == EvaluationScope.Test
            ? (TestWindows(settings, windows, labels, fold, Metadata(model, modelPath, ExperimentModelMetadata.SplitManifest), modelPath), settings.Protocol.Info())
            : ([.. Enumerable.Range(0, windows.Count)], new ProtocolInfo("all-windows", false,
                $"every window of the data given; the model was trained under {trained.Protocol.Name}, so the score is honest only on data it never trained on"));

        observer.Stage("predicting");
        var predicted = WindowPredictor.Predict(model.Model, prepared, indices).Classes.ToArray();
        int[] truth = [.. indices.Select(prepared.Label)];
        int[] subjects = [.. indices.Select(prepared.Subject)];
        observer.FoldFinished(0, ClassificationMetrics.Compute(truth, predicted, labels.ClassNames));
        var evaluation = RunEvaluation.Evaluate(protocol, labels.ClassNames, [new FoldPredictions(0, truth, predicted, subjects)]);
        RunSetting[] runSettings =
        [
            new("model file", Path.GetFullPath(modelPath)),
            new("data", settings.Data.Folder ?? "synthetic"),
            new("test set", scope == EvaluationScope.Test ? $"the test windows of {trained.Protocol.Name} fold {fold + 1}" : "every window"),
            new("subjects", string.Join(", ", trials.Subjects)),
            new("model", model.Spec.ToJson().ToJsonString()),
        ];
        var report = new RunReport(target.Name, model.Spec.Preset, trained.Model.Kind, runSettings, evaluation, []);
        RunFolderWriter.Write(report, target.RunsDirectory);
        return new ExperimentResult(target.Folder, report, [Path.GetFullPath(modelPath)], Stopwatch.GetElapsedTime(start));
    }

    private static int[] TestWindows(ExperimentSettings settings, WindowSet windows, TrialLabels labels, int fold, string manifest, string modelPath)
    {
        var splits = settings.Protocol.Create().CreateSplits(windows, labels);
        using var stored = JsonDocument.Parse(manifest);
        string hash = stored.RootElement.GetProperty("configHash").GetString()!;
        if (fold >= splits.Count || splits[fold].Manifest.ConfigHash != hash)
            throw new ArgumentException(
                $"{modelPath} was trained on other data (or other subjects) than given, so its test split cannot be re-created here; evaluate on every window instead.");
        return [.. splits[fold].Test];
    }

    private static void CheckFits(EmotionModel model, Eeg.Recordings.SubjectRecording first, ExperimentSettings settings, string modelPath)
    {
        var spec = model.Spec;
        var windows = new WindowSet(new TrialSet([first]), settings.Windows.ToWindowSettings());
        if (!first.ChannelNames.SequenceEqual(model.ChannelNames, StringComparer.OrdinalIgnoreCase) || first.SampleRate != spec.SampleRate || windows.Length != spec.Samples)
            throw new ArgumentException(
                $"{modelPath} reads {spec.Channels} channels ({string.Join(", ", model.ChannelNames)}) × {spec.Samples} samples at {spec.SampleRate} Hz; "
                + $"the preprocessed data has {first.ChannelCount} channels ({string.Join(", ", first.ChannelNames)}) and {windows.Length}-sample windows at {first.SampleRate} Hz.");
    }

    private static string Metadata(EmotionModel model, string path, string key) =>
        model.Metadata.TryGetValue(key, out var value) ? value
            : throw new Valence.Nn.Serialization.ModelFormatException(path, $"__metadata__ has no '{key}': the model was not saved by an experiment, so how to prepare data for it is unknown.");
}
