using System.Text.Json;
using Valence.Eeg.Datasets;
using Valence.Emotion.Experiments;
using Valence.Emotion.Models;
using Valence.Emotion.Training;
using Valence.Nn.Kernels;

namespace Valence.Bench;

/// <summary>
/// Issue 5's speed item: the time of one training epoch of the paper's models (<c>cnn-lstm</c>, <c>cnn-gru</c>, default
/// sizes) over the windows of generated subjects, built as the experiment runner builds them with its defaults (the
/// Emotiv 14 channels, baseline mean removed, 2 s windows at 1 s stride, four quadrants, the default normaliser fitted
/// on every window), trained through <see cref="Trainer"/> with the default settings (Adam, lr 1e-3, batch 64,
/// shuffled) and no validation. Compared in bench/epoch.sh with bench/reference/epoch_torch.py.
/// </summary>
public static class EpochBenchmark
{
    private const int WarmUpBatches = 5;

    /// <summary>
    /// Builds the windows of <paramref name="subjects"/> generated subjects, then for each model and thread count
    /// trains a few warm-up batches and times one epoch; prints one JSON line per model and thread count.
    /// </summary>
    /// <param name="batches">Null to time whole epochs; otherwise the number of batches timed (a seeded random subset of the windows) and extrapolated to the epoch.</param>
    public static void Run(int subjects, int? batches, IReadOnlyList<int> threadCounts, TextWriter output)
    {
        var data = BuildWindows(subjects);
        var training = new TrainingSettings { Epochs = 1 };
        int epochBatches = (data.Count + training.BatchSize - 1) / training.BatchSize;
        int timedBatches = Math.Min(batches ?? epochBatches, epochBatches);
        var timed = new TrainingData(data, RandomWindows(data.Count, Math.Min(timedBatches * training.BatchSize, data.Count)));
        var warmUp = new TrainingData(data, RandomWindows(data.Count, WarmUpBatches * training.BatchSize));

        foreach (string preset in new[] { "cnn-lstm", "cnn-gru" })
            foreach (int threads in threadCounts)
            {
                Workers.MaxThreads = threads;
                var trainer = new Trainer(training);
                trainer.Train(Model(preset), warmUp);
                var epoch = trainer.Train(Model(preset), timed).History[0];
                double seconds = epoch.EpochTime.TotalSeconds;
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    runtime = "valence", kernel = Gemm.KernelName, model = preset, threads, windows = data.Count,
                    timed_batches = timedBatches, epoch_batches = epochBatches, extrapolated = timedBatches < epochBatches,
                    timed_seconds = seconds, epoch_seconds = seconds * epochBatches / timedBatches,
                    windows_per_second = epoch.WindowsPerSecond, train_loss = epoch.TrainLoss,
                }));
                output.Flush();
            }

        Valence.Nn.Layers.Sequential Model(string preset) =>
            new ModelChoice(preset).Spec(data.Channels, data.Samples, data.Windows.Trials.SampleRate, data.ClassCount).Build();
    }

    // The experiment runner's data path with its defaults, over synthetic subjects generated in memory; the
    // normaliser is fitted on every window, as a fold's would be on its training windows.
    private static NormalizedWindows BuildWindows(int subjects)
    {
        var settings = new ExperimentSettings { Data = new DataSettings { Synthetic = new SyntheticDataSettings { Subjects = subjects } } };
        settings.Validate();
        var (trials, _) = ExperimentData.Load(settings, SilentObserver.Instance);
        var windows = new WindowSet(trials, settings.Windows.ToWindowSettings());
        var labels = new TrialLabels(trials, settings.Labels.ToScheme());
        int[] all = [.. Enumerable.Range(0, windows.Count)];
        var normalizer = Normalizer.Fit(windows, all, settings.Normalization.ToNormalizerSettings());
        return new NormalizedWindows(windows, labels, normalizer);
    }

    private static int[] RandomWindows(int count, int take)
    {
        int[] order = [.. Enumerable.Range(0, count)];
        new Random(0).Shuffle(order);
        return order[..take];
    }
}
