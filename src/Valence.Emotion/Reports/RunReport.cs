using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Reports;

/// <summary>
/// Everything a run folder records: what ran (model and settings), under which protocol, what it measured, and how
/// training went. <see cref="RunFolderWriter"/> writes it; <see cref="MetricsJson"/> reads its metrics.json back.
/// </summary>
public sealed record RunReport
{
    /// <summary>Checks the name (it names the run's folder) and the history's folds.</summary>
    /// <param name="name">The run's name, also its folder's name: letters, digits, '-', '_' and '.', not starting with '.'.</param>
    /// <param name="model">The model's name ("cnn-lstm", "bandpower", …).</param>
    /// <param name="kind">Deep model or baseline.</param>
    /// <param name="settings">The run's settings, in the order to show them.</param>
    /// <param name="evaluation">The test results, with their protocol.</param>
    /// <param name="history">Per fold, the epochs trained (empty for models not trained by epochs).</param>
    /// <exception cref="ArgumentException">The name is not a plain folder name, or the history repeats a fold or names one the evaluation lacks.</exception>
    public RunReport(string name, string model, ModelKind kind, IReadOnlyList<RunSetting> settings, RunEvaluation evaluation,
        IReadOnlyList<FoldHistory> history)
    {
        RequireFolderName(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(history);
        var folds = evaluation.Folds.Select(f => f.Context.Fold).ToHashSet();
        foreach (var fold in history)
            if (!folds.Contains(fold.Fold))
                throw new ArgumentException($"run '{name}': the history has fold {fold.Fold}, which the evaluation does not.", nameof(history));
        if (history.Select(h => h.Fold).Distinct().Count() != history.Count)
            throw new ArgumentException($"run '{name}': the history repeats a fold.", nameof(history));
        Name = name;
        Model = model;
        Kind = kind;
        Settings = settings;
        Evaluation = evaluation;
        History = history;
    }

    /// <summary>The run's name and folder name.</summary>
    public string Name { get; }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>Deep model or baseline.</summary>
    public ModelKind Kind { get; }

    /// <summary>The run's settings.</summary>
    public IReadOnlyList<RunSetting> Settings { get; }

    /// <summary>The test results.</summary>
    public RunEvaluation Evaluation { get; }

    /// <summary>The protocol the results come from.</summary>
    public ProtocolInfo Protocol => Evaluation.Protocol;

    /// <summary>Whether the protocol leaks.</summary>
    public bool Leaky => Evaluation.Leaky;

    /// <summary>Per fold, the epochs trained.</summary>
    public IReadOnlyList<FoldHistory> History { get; }

    /// <summary>Refuses a name that is not a plain folder name (letters, digits, '-', '_' and '.', not starting with '.').</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    internal static void RequireFolderName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        bool plain = name.Length > 0 && name[0] != '.'
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
        if (!plain)
            throw new ArgumentException(
                $"run name '{name}' is not a plain folder name; use letters, digits, '-', '_' and '.', not starting with '.'.", nameof(name));
    }
}
