using System.Diagnostics;
using System.Text.Json;
using Valence.Eeg.Datasets;
using Valence.Eeg.Formats;
using Valence.Eeg.Preprocessing;
using Valence.Eeg.Preprocessing.Settings;
using Valence.Eeg.Recordings;

namespace Valence.Bench;

/// <summary>
/// Issue 4's whole-pipeline measurement: every subject of a DEAP folder read, put through DEAP's preprocessing
/// (EOG regression, band-pass 4–45 Hz, common average reference, the 32 EEG channels kept), gathered into a
/// TrialSet, cut into 2 s windows at 1 s stride, and a normaliser fitted on every window: the time, the process's
/// peak working set, and the float32 size of the EEG kept, whose ratio the issue bounds by 2.
/// </summary>
public static class PipelineBenchmark
{
    /// <summary>Runs the pipeline over <paramref name="folder"/> and prints one JSON line.</summary>
    public static void Run(string folder, TextWriter output)
    {
        long start = Stopwatch.GetTimestamp();
        var deap = DeapFolder.Open(folder);
        var kept = new List<SubjectRecording>();
        PreprocessingPipeline? pipeline = null;
        foreach (var recording in deap.ReadAll())
        {
            pipeline ??= PreprocessingSettings.Deap.Build(new SignalDescription(recording.SampleRate, recording.ChannelNames));
            kept.Add(pipeline.Apply(recording));
        }
        double preprocessSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var trials = new TrialSet(kept);
        var windows = new WindowSet(trials, WindowSettings.Paper);
        int[] all = Enumerable.Range(0, windows.Count).ToArray();
        var normalizer = Normalizer.Fit(windows, all, NormalizerSettings.Default);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        long keptBytes = kept.Sum(r => (long)r.Samples.Length * sizeof(float));
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        output.WriteLine(JsonSerializer.Serialize(new
        {
            task = "pipeline", subjects = kept.Count, pipeline = pipeline?.ToString(), windows = windows.Count,
            preprocess_seconds = preprocessSeconds, total_seconds = seconds,
            eeg_kept_bytes = keptBytes, peak_working_set_bytes = peak, peak_over_kept = (double)peak / keptBytes,
            normalizer_json_bytes = normalizer.ToJson().Length,
        }));
    }
}
