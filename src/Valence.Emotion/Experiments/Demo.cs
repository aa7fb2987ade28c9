using System.Diagnostics;
using Valence.Eeg.Formats;
using Valence.Eeg.Synthetic;
using Valence.Emotion.Reports;

namespace Valence.Emotion.Experiments;

/// <summary>
/// The main job, <c>valence demo</c>: writes a synthetic DEAP folder (preprocessed .dat files), trains every model of
/// <see cref="DemoSettings.Models"/> under every protocol of <see cref="DemoSettings.Protocols"/> (the paper's leaky
/// random window split beside trial-holdout), writes a run folder for each and a comparison of them all.
/// </summary>
public static class Demo
{
    /// <summary>Runs the demo into <paramref name="folder"/>: <c>data/</c>, <c>runs/&lt;model&gt;-&lt;protocol&gt;/</c>, <c>comparison.md</c> and <c>comparison.json</c>.</summary>
    public static DemoResult Run(DemoSettings settings, string folder, IExperimentObserver? observer = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        observer ??= SilentObserver.Instance;
        long start = Stopwatch.GetTimestamp();
        string data = Path.Combine(folder, "data"), runs = Path.Combine(folder, "runs");
        // Every run is planned (and its settings validated) before the first file is written.
        var plan = settings.Models.SelectMany(m => settings.Protocols.Select(p => (Name: $"{m}-{p}", Settings: settings.Experiment(data, m, p)))).ToArray();
        foreach (var (_, experiment) in plan) experiment.Validate();

        observer.Stage($"writing {settings.Subjects} synthetic subjects to {data}");
        // Subjects of an earlier, larger demo would otherwise join this one.
        if (Directory.Exists(data))
            foreach (string old in Directory.EnumerateFiles(data, "s*.dat")) File.Delete(old);
        var synthetic = new SyntheticDeapOptions { SubjectCount = settings.Subjects, Seed = (ulong)settings.Seed };
        SyntheticDeapWriter.Write(data, synthetic, DeapFormat.PreprocessedPython, cancellation: cancellation);

        var results = new List<ExperimentResult>();
        var runner = new ExperimentRunner(observer);
        foreach (var (name, experiment) in plan)
        {
            observer.Stage($"run {results.Count + 1}/{plan.Length}: {name}");
            results.Add(runner.Run(experiment, new RunTarget(runs, name, Overwrite: true), cancellation));
        }
        var comparison = RunComparison.Of([.. results.Select(r => r.Report)]);
        comparison.Write(folder);
        return new DemoResult(folder, results, comparison, Stopwatch.GetElapsedTime(start));
    }
}

/// <summary>What the demo produced.</summary>
/// <param name="Folder">The demo's folder.</param>
/// <param name="Runs">Each run, in the order trained.</param>
/// <param name="Comparison">The runs side by side (also written as comparison.md and comparison.json).</param>
/// <param name="Elapsed">Wall time of the whole demo.</param>
public sealed record DemoResult(string Folder, IReadOnlyList<ExperimentResult> Runs, RunComparison Comparison, TimeSpan Elapsed);
