using System.Text;
using Valence.Emotion.Reports.Plots;
using Valence.Nn.Serialization;
using Valence.IO;

namespace Valence.Emotion.Reports;

/// <summary>
/// Writes a run's folder, <c>runs/&lt;name&gt;/</c>: metrics.json, report.md and the PNG images (training curves when
/// there is a history, the pooled confusion matrix, per-subject accuracy when subjects are known). Each file is written
/// to a temporary file beside it and renamed into place, so a reader never sees half a file.
/// </summary>
public static class RunFolderWriter
{
    /// <summary>Writes the folder <paramref name="runsDirectory"/>/<c>run.Name</c> and returns its path.</summary>
    public static string Write(RunReport run, string runsDirectory)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(runsDirectory);
        string folder = Path.Combine(runsDirectory, run.Name);
        Directory.CreateDirectory(folder);
        var images = WriteImages(run, folder);
        WriteFile(folder, RunFiles.Metrics, MetricsJson.Write(run));
        WriteFile(folder, RunFiles.Report, Encoding.UTF8.GetBytes(MarkdownReport.Build(run, images)));
        return folder;
    }

    private static List<string> WriteImages(RunReport run, string folder)
    {
        var evaluation = run.Evaluation;
        var written = new List<string>();
        string protocol = run.Leaky ? $"{run.Protocol.Name}, LEAKY" : run.Protocol.Name;
        if (run.History.Any(h => h.Epochs.Count > 0))
            Add(RunFiles.TrainingCurves, TrainingCurvesPlot.Render(run.History));
        Add(RunFiles.ConfusionMatrix,
            ConfusionMatrixPlot.Render(evaluation.Aggregate.Pooled.Confusion, evaluation.ClassNames, $"{run.Model}: confusion matrix ({protocol})"));
        if (evaluation.Subjects.Count > 0)
            Add(RunFiles.SubjectAccuracy,
                SubjectAccuracyPlot.Render(evaluation.Subjects, evaluation.Aggregate.Pooled, $"{run.Model}: accuracy per subject ({protocol})"));
        return written;

        void Add(string name, byte[] png)
        {
            WriteFile(folder, name, png);
            written.Add(name);
        }
    }

    private static void WriteFile(string folder, string name, byte[] content) =>
        AtomicFile.Write(Path.Combine(folder, name), stream => stream.Write(content));
}
