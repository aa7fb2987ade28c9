using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Tests.Evaluation;

public class AggregationTests
{
    private const double Tolerance = 1e-12;
    private static readonly string[] Classes = ["HVHA", "HVLA", "LVHA", "LVLA"];
    private static readonly ProtocolInfo Kfold = new("kfold", Leaky: false, "trials held out, k folds");

    [Fact]
    public void Summary_is_the_mean_and_the_sample_standard_deviation()
    {
        // mean 0.6; Σ(x − 0.6)² = 0.01 + 0.01 + 0 = 0.02; s = √(0.02 / 2) = 0.1 (n − 1 = 2, not n = 3)
        var summary = MetricSummary.Of([0.5, 0.7, 0.6]);
        Assert.Equal(0.6, summary.Mean, Tolerance);
        Assert.Equal(0.1, summary.StandardDeviation, Tolerance);
        Assert.Equal(3, summary.Count);
    }

    [Fact]
    public void A_single_value_has_no_standard_deviation()
    {
        var summary = MetricSummary.Of([0.42]);
        Assert.Equal(0.42, summary.Mean);
        Assert.True(double.IsNaN(summary.StandardDeviation));
    }

    [Fact]
    public void Folds_aggregate_to_mean_sd_and_the_pooled_matrix()
    {
        // fold 0: 3 of 4 correct; fold 1: 1 of 2 correct; fold 2: 2 of 2 correct.
        var run = RunEvaluation.Evaluate(Kfold, Classes, [
            new FoldPredictions(0, [0, 1, 2, 3], [0, 1, 2, 0]),
            new FoldPredictions(2, [3, 3], [3, 3]),
            new FoldPredictions(1, [0, 1], [0, 0]),
        ]);
        var aggregate = run.Aggregate;

        Assert.Equal([0, 1, 2], run.Folds.Select(f => f.Context.Fold!.Value));
        // accuracies 0.75, 0.5, 1.0: mean 0.75, s = √((0 + 0.0625 + 0.0625) / 2) = 0.25
        Assert.Equal(0.75, aggregate.Accuracy.Mean, Tolerance);
        Assert.Equal(0.25, aggregate.Accuracy.StandardDeviation, Tolerance);
        // majority rates: 1/4, 1/2, 1 → mean 7/12
        Assert.Equal(7.0 / 12, aggregate.ChanceLevel.Mean, Tolerance);
        Assert.Equal(new long[,] { { 2, 0, 0, 0 }, { 1, 1, 0, 0 }, { 0, 0, 1, 0 }, { 1, 0, 0, 2 } }, aggregate.Pooled.Confusion.ToArray());
        Assert.Equal(6.0 / 8, aggregate.Pooled.Accuracy, Tolerance);
        Assert.Equal(3, aggregate.Count);
    }

    [Fact]
    public void Subjects_pool_their_windows_across_folds_and_every_result_carries_the_protocol()
    {
        var paper = new ProtocolInfo("paper-leaky", Leaky: true, "random window split");
        var run = RunEvaluation.Evaluate(paper, Classes, [
            new FoldPredictions(0, [0, 1, 2], [0, 1, 1], subjects: [7, 3, 7]),
            new FoldPredictions(1, [3, 0], [3, 2], subjects: [3, 7]),
        ]);

        Assert.Equal([3, 7], run.Subjects.Select(s => s.Context.Subject!.Value));
        Assert.All(run.Subjects, s => Assert.Null(s.Context.Fold));
        Assert.All(run.Folds.Concat(run.Subjects), r => Assert.True(r.Leaky));
        Assert.All(run.Folds.Concat(run.Subjects), r => Assert.Equal("paper-leaky", r.Context.Protocol.Name));
        // subject 3: windows (1→1) and (3→3): 2 of 2; subject 7: (0→0), (2→1), (0→2): 1 of 3
        Assert.Equal(1.0, run.Subjects[0].Metrics.Accuracy, Tolerance);
        Assert.Equal(1.0 / 3, run.Subjects[1].Metrics.Accuracy, Tolerance);
        Assert.Equal(2.0 / 3, run.SubjectAggregate!.Accuracy.Mean, Tolerance);
        Assert.True(run.Leaky && run.Aggregate.Leaky && run.SubjectAggregate.Leaky);
    }

    [Fact]
    public void Inconsistent_folds_are_refused()
    {
        Assert.Contains("repeat a fold", Assert.Throws<ArgumentException>(() => RunEvaluation.Evaluate(Kfold, Classes,
            [new FoldPredictions(0, [0], [0]), new FoldPredictions(0, [1], [1])])).Message);
        Assert.Contains("1 of 2 folds", Assert.Throws<ArgumentException>(() => RunEvaluation.Evaluate(Kfold, Classes,
            [new FoldPredictions(0, [0], [0], [1]), new FoldPredictions(1, [1], [1])])).Message);
        Assert.Contains("2 true labels but 1 subjects", Assert.Throws<ArgumentException>(() => new FoldPredictions(0, [0, 1], [0, 1], [1])).Message);

        var other = new ProtocolInfo("loso", false, "one subject held out");
        var a = new EvaluationResult(new EvaluationContext(Kfold, 0), ClassificationMetrics.Compute([0], [0], Classes));
        var b = new EvaluationResult(new EvaluationContext(other, 1), ClassificationMetrics.Compute([0], [0], Classes));
        Assert.Contains("protocol 'loso'", Assert.Throws<ArgumentException>(() => AggregateMetrics.Of([a, b])).Message);
    }

    [Fact]
    public void A_protocol_needs_a_name()
    {
        Assert.Throws<ArgumentException>(() => new ProtocolInfo(" ", false, "x"));
    }
}
