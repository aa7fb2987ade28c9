using System.Globalization;
using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Reports;

/// <summary>How numbers and table cells look in the markdown files: invariant culture, four decimals, "n/a" for undefined.</summary>
internal static class ReportFormat
{
    /// <summary>A metric with four decimals, or "n/a" when undefined (NaN).</summary>
    public static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>"mean ± sd", or the mean alone (with the count) when the sd is undefined.</summary>
    public static string MeanSd(MetricSummary summary) => double.IsNaN(summary.StandardDeviation)
        ? $"{Number(summary.Mean)} (n = {summary.Count})"
        : $"{Number(summary.Mean)} ± {Number(summary.StandardDeviation)}";

    /// <summary>A whole number.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An optional number, "–" when absent.</summary>
    public static string Optional(double? value) => value is double v ? Number(v) : "–";

    /// <summary>A learning rate with four significant digits.</summary>
    public static string LearningRate(double rate) => rate.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Seconds with one decimal.</summary>
    public static string Seconds(double seconds) => seconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

    /// <summary>A subject as DEAP names it ("s01").</summary>
    public static string Subject(int subject) => $"s{subject:00}";

    /// <summary>Text made safe for one markdown table cell: no line breaks, pipes escaped.</summary>
    public static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
}
