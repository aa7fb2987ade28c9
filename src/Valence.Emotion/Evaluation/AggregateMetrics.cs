namespace Valence.Emotion.Evaluation;

/// <summary>
/// Results of several folds (or subjects) taken together: mean ± sample standard deviation (ddof = 1, see
/// <see cref="MetricSummary"/>) of each metric over the results, and the metrics of the pooled confusion matrix (every
/// evaluated item counted once, as if all folds' test sets were one).
/// </summary>
public sealed class AggregateMetrics
{
    private AggregateMetrics(ProtocolInfo protocol, IReadOnlyList<EvaluationResult> results)
    {
        Protocol = protocol;
        Count = results.Count;
        Accuracy = Summarise(results, m => m.Accuracy);
        BalancedAccuracy = Summarise(results, m => m.BalancedAccuracy);
        MacroF1 = Summarise(results, m => m.MacroF1);
        Kappa = Summarise(results, m => m.Kappa);
        ChanceLevel = Summarise(results, m => m.ChanceLevel);
        var first = results[0].Metrics;
        Pooled = ClassificationMetrics.FromConfusion(ConfusionMatrix.Sum([.. results.Select(r => r.Metrics.Confusion)]), first.ClassNames);
    }

    /// <summary>The protocol every result comes from.</summary>
    public ProtocolInfo Protocol { get; }

    /// <summary>Whether the protocol leaks.</summary>
    public bool Leaky => Protocol.Leaky;

    /// <summary>Number of results summarised.</summary>
    public int Count { get; }

    /// <summary>Accuracy over the results.</summary>
    public MetricSummary Accuracy { get; }

    /// <summary>Balanced accuracy over the results.</summary>
    public MetricSummary BalancedAccuracy { get; }

    /// <summary>Macro-F1 over the results.</summary>
    public MetricSummary MacroF1 { get; }

    /// <summary>Cohen's kappa over the results (NaN if any result's kappa is undefined).</summary>
    public MetricSummary Kappa { get; }

    /// <summary>Majority-class rate over the results.</summary>
    public MetricSummary ChanceLevel { get; }

    /// <summary>Metrics of the summed confusion matrices.</summary>
    public ClassificationMetrics Pooled { get; }

    /// <summary>Aggregates <paramref name="results"/>, which must share a protocol and classes.</summary>
    /// <exception cref="ArgumentException">No results, or they differ in protocol or class names.</exception>
    public static AggregateMetrics Of(IReadOnlyList<EvaluationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new ArgumentException("there are no results to aggregate.", nameof(results));
        var protocol = results[0].Context.Protocol;
        var classNames = results[0].Metrics.ClassNames;
        for (int i = 1; i < results.Count; i++)
        {
            if (results[i].Context.Protocol != protocol)
                throw new ArgumentException(
                    $"result {i} comes from protocol '{results[i].Context.Protocol.Name}' but result 0 from '{protocol.Name}'; aggregate one protocol at a time.", nameof(results));
            if (!results[i].Metrics.ClassNames.SequenceEqual(classNames))
                throw new ArgumentException(
                    $"result {i} has classes [{string.Join(", ", results[i].Metrics.ClassNames)}] but result 0 has [{string.Join(", ", classNames)}].", nameof(results));
        }
        return new AggregateMetrics(protocol, results);
    }

    private static MetricSummary Summarise(IReadOnlyList<EvaluationResult> results, Func<ClassificationMetrics, double> metric) =>
        MetricSummary.Of([.. results.Select(r => metric(r.Metrics))]);
}
