namespace Valence.Emotion.Evaluation;

/// <summary>
/// Everything measured on a run's test predictions: each fold's metrics, each subject's metrics (the subject's test
/// windows of all folds pooled), and the aggregate over folds (and over subjects). All results carry the protocol.
/// </summary>
public sealed class RunEvaluation
{
    /// <summary>Assembles already computed results (as read back from metrics.json).</summary>
    /// <exception cref="ArgumentException">No folds, or results of other protocols or classes.</exception>
    public RunEvaluation(ProtocolInfo protocol, IReadOnlyList<EvaluationResult> folds, IReadOnlyList<EvaluationResult> subjects)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(subjects);
        Protocol = protocol;
        Folds = folds;
        Subjects = subjects;
        Aggregate = AggregateMetrics.Of(folds);
        if (Aggregate.Protocol != protocol)
            throw new ArgumentException($"the folds come from protocol '{Aggregate.Protocol.Name}', not '{protocol.Name}'.", nameof(folds));
        SubjectAggregate = subjects.Count == 0 ? null : AggregateMetrics.Of(subjects);
        if (SubjectAggregate is not null
            && (SubjectAggregate.Protocol != protocol || !SubjectAggregate.Pooled.ClassNames.SequenceEqual(ClassNames)))
            throw new ArgumentException("the subjects' results differ from the folds' in protocol or classes.", nameof(subjects));
    }

    /// <summary>The protocol the predictions were made under.</summary>
    public ProtocolInfo Protocol { get; }

    /// <summary>Whether the protocol leaks.</summary>
    public bool Leaky => Protocol.Leaky;

    /// <summary>Class names, indexed by label.</summary>
    public IReadOnlyList<string> ClassNames => Aggregate.Pooled.ClassNames;

    /// <summary>Each fold's result, in fold order.</summary>
    public IReadOnlyList<EvaluationResult> Folds { get; }

    /// <summary>Each subject's result over all folds, ascending by subject; empty when subjects are unknown.</summary>
    public IReadOnlyList<EvaluationResult> Subjects { get; }

    /// <summary>Mean ± sd over folds and the pooled matrix.</summary>
    public AggregateMetrics Aggregate { get; }

    /// <summary>Mean ± sd over subjects, or null when subjects are unknown.</summary>
    public AggregateMetrics? SubjectAggregate { get; }

    /// <summary>Evaluates the test predictions of every fold of a run.</summary>
    /// <exception cref="ArgumentException">No folds, folds repeated, or subjects given for some folds only.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label lies outside the classes.</exception>
    public static RunEvaluation Evaluate(ProtocolInfo protocol, IReadOnlyList<string> classNames, IReadOnlyList<FoldPredictions> folds)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count == 0) throw new ArgumentException("there are no folds to evaluate.", nameof(folds));
        if (folds.Select(f => f.Fold).Distinct().Count() != folds.Count)
            throw new ArgumentException($"folds [{string.Join(", ", folds.Select(f => f.Fold))}] repeat a fold; give each fold once.", nameof(folds));
        int withSubjects = folds.Count(f => f.Subjects is not null);
        if (withSubjects != 0 && withSubjects != folds.Count)
            throw new ArgumentException($"{withSubjects} of {folds.Count} folds name their windows' subjects; give subjects for all folds or none.", nameof(folds));
        EvaluationResult[] foldResults = [.. folds.OrderBy(f => f.Fold).Select(f =>
            new EvaluationResult(new EvaluationContext(protocol, Fold: f.Fold), ClassificationMetrics.Compute(f.Truth, f.Predicted, classNames)))];
        var subjectResults = withSubjects == 0 ? [] : EvaluateSubjects(protocol, classNames, folds);
        return new RunEvaluation(protocol, foldResults, subjectResults);
    }

    private static EvaluationResult[] EvaluateSubjects(ProtocolInfo protocol, IReadOnlyList<string> classNames, IReadOnlyList<FoldPredictions> folds)
    {
        var bySubject = new SortedDictionary<int, (List<int> Truth, List<int> Predicted)>();
        foreach (var fold in folds)
            for (int i = 0; i < fold.Truth.Length; i++)
            {
                int subject = fold.Subjects![i];
                if (!bySubject.TryGetValue(subject, out var labels))
                    bySubject[subject] = labels = ([], []);
                labels.Truth.Add(fold.Truth[i]);
                labels.Predicted.Add(fold.Predicted[i]);
            }
        return [.. bySubject.Select(s => new EvaluationResult(new EvaluationContext(protocol, Subject: s.Key),
            ClassificationMetrics.Compute(s.Value.Truth.ToArray(), s.Value.Predicted.ToArray(), classNames)))];
    }
}
