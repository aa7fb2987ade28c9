using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Reports;

/// <summary>One run in a comparison: what ran, under which protocol, and its headline scores.</summary>
/// <param name="Run">The run's name.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Kind">Deep model or baseline.</param>
/// <param name="Protocol">The protocol's name.</param>
/// <param name="Leaky">Whether the protocol leaks.</param>
/// <param name="Folds">Number of folds.</param>
/// <param name="Accuracy">Accuracy over folds.</param>
/// <param name="BalancedAccuracy">Balanced accuracy over folds.</param>
/// <param name="MacroF1">Macro-F1 over folds.</param>
/// <param name="Kappa">Cohen's kappa over folds.</param>
/// <param name="PooledAccuracy">Accuracy of all test windows pooled.</param>
/// <param name="ChanceLevel">Majority-class rate of all test windows pooled.</param>
/// <param name="AccuracyOverBaseline">Mean accuracy minus the baseline's under the same protocol; null for the baseline itself or when there is none.</param>
public sealed record ComparisonRow(string Run, string Model, ModelKind Kind, string Protocol, bool Leaky, int Folds, MetricSummary Accuracy,
    MetricSummary BalancedAccuracy, MetricSummary MacroF1, MetricSummary Kappa, double PooledAccuracy, double ChanceLevel,
    double? AccuracyOverBaseline);
