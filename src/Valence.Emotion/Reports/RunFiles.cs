namespace Valence.Emotion.Reports;

/// <summary>The files of a run folder and the pixel sizes of its images.</summary>
public static class RunFiles
{
    /// <summary>Machine-readable results.</summary>
    public const string Metrics = "metrics.json";

    /// <summary>Human-readable report.</summary>
    public const string Report = "report.md";

    /// <summary>Loss and accuracy per epoch, training and validation, in two panels.</summary>
    public const string TrainingCurves = "training.png";

    /// <summary>The pooled confusion matrix as a heat map.</summary>
    public const string ConfusionMatrix = "confusion.png";

    /// <summary>Accuracy of each subject with the chance levels.</summary>
    public const string SubjectAccuracy = "subjects.png";

    /// <summary>Side-by-side table of several runs (markdown).</summary>
    public const string ComparisonMarkdown = "comparison.md";

    /// <summary>Side-by-side table of several runs (JSON).</summary>
    public const string ComparisonJson = "comparison.json";

    /// <summary>Width and height of <see cref="TrainingCurves"/>.</summary>
    public static readonly (int Width, int Height) TrainingCurvesSize = (1200, 450);

    /// <summary>Width and height of <see cref="ConfusionMatrix"/>.</summary>
    public static readonly (int Width, int Height) ConfusionMatrixSize = (680, 580);

    /// <summary>Width and height of <see cref="SubjectAccuracy"/>.</summary>
    public static readonly (int Width, int Height) SubjectAccuracySize = (1000, 480);
}
