using Valence.Emotion.Reports;

namespace Valence.Emotion.Experiments;

/// <summary>What an experiment produced.</summary>
/// <param name="Folder">The run folder.</param>
/// <param name="Report">The run's report (metrics, history, settings), as written to metrics.json and report.md.</param>
/// <param name="ModelFiles">The saved models, one per fold, in fold order.</param>
/// <param name="Elapsed">Wall time of the whole experiment.</param>
public sealed record ExperimentResult(string Folder, RunReport Report, IReadOnlyList<string> ModelFiles, TimeSpan Elapsed);
