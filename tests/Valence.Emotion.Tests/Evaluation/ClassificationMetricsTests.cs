using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Tests.Evaluation;

public class ClassificationMetricsTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [MemberData(nameof(SklearnGolden.Names), MemberType = typeof(SklearnGolden))]
    public void Scores_match_scikit_learn(string name)
    {
        var golden = SklearnGolden.Get(name);
        var metrics = ClassificationMetrics.Compute(golden.Truth, golden.Predicted, golden.ClassNames);

        Assert.Equal(golden.Accuracy, metrics.Accuracy, Tolerance);
        Assert.Equal(golden.BalancedAccuracy, metrics.BalancedAccuracy, Tolerance);
        Assert.Equal(golden.MacroF1, metrics.MacroF1, Tolerance);
        if (double.IsNaN(golden.Kappa)) Assert.True(double.IsNaN(metrics.Kappa), $"kappa is {metrics.Kappa}, scikit-learn's is undefined");
        else Assert.Equal(golden.Kappa, metrics.Kappa, Tolerance);
        for (int c = 0; c < golden.ClassCount; c++)
        {
            Assert.Equal(golden.Precision[c], metrics.PerClass[c].Precision, Tolerance);
            Assert.Equal(golden.Recall[c], metrics.PerClass[c].Recall, Tolerance);
            Assert.Equal(golden.F1[c], metrics.PerClass[c].F1, Tolerance);
            Assert.Equal(golden.Support[c], metrics.PerClass[c].Support);
            for (int p = 0; p < golden.ClassCount; p++)
                Assert.Equal(golden.Confusion[c][p], metrics.Confusion[c, p]);
        }
    }

    [Fact]
    public void Golden_cases_cover_the_awkward_ones()
    {
        Assert.Equal(0, SklearnGolden.Get("never_predicted").Predicted.Count(p => p == 3));
        Assert.DoesNotContain(2, SklearnGolden.Get("absent_from_truth").Truth);
        Assert.Contains(2, SklearnGolden.Get("absent_from_truth").Predicted);
        Assert.DoesNotContain(1, SklearnGolden.Get("absent_from_both").Truth.Concat(SklearnGolden.Get("absent_from_both").Predicted));
        Assert.Equal(0.0, SklearnGolden.Get("all_wrong").Accuracy);
        Assert.Equal(1.0, SklearnGolden.Get("perfect").Accuracy);
    }

    [Fact]
    public void Hand_computed_three_class_example()
    {
        // truth 0 0 1 2 2 2, predicted 0 1 1 2 0 2:
        //            pred 0  1  2
        //   true 0 [    1, 1, 0 ]
        //   true 1 [    0, 1, 0 ]
        //   true 2 [    1, 0, 2 ]
        var metrics = ClassificationMetrics.Compute([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], ["a", "b", "c"]);

        Assert.Equal(new long[,] { { 1, 1, 0 }, { 0, 1, 0 }, { 1, 0, 2 } }, metrics.Confusion.ToArray());
        Assert.Equal(6, metrics.Count);
        Assert.Equal(4.0 / 6, metrics.Accuracy, Tolerance);
        Assert.Equal([0.5, 0.5, 1.0], metrics.PerClass.Select(c => c.Precision));
        Assert.Equal((0.5 + 1.0 + 2.0 / 3) / 3, metrics.BalancedAccuracy, Tolerance);
        Assert.Equal((0.5 + 2.0 / 3 + 0.8) / 3, metrics.MacroF1, Tolerance);
        // p_o = 4/6; p_e = (2·2 + 1·2 + 3·2) / 36 = 1/3; κ = (2/3 − 1/3) / (2/3) = 1/2
        Assert.Equal(0.5, metrics.Kappa, Tolerance);
        Assert.Equal(3.0 / 6, metrics.ChanceLevel, Tolerance);
        Assert.Equal(1.0 / 3, metrics.UniformChance, Tolerance);
        Assert.Equal(["a", "b", "c"], metrics.PerClass.Select(c => c.Name));
        Assert.Equal([2L, 2L, 2L], metrics.PerClass.Select(c => c.Predicted));
    }

    [Fact]
    public void Chance_level_is_the_majority_class_rate_of_the_evaluated_set()
    {
        var golden = SklearnGolden.Get("imbalanced");
        var metrics = ClassificationMetrics.Compute(golden.Truth, golden.Predicted, golden.ClassNames);
        Assert.Equal(150.0 / 300, metrics.ChanceLevel, Tolerance);
        Assert.Equal(0.25, metrics.UniformChance, Tolerance);
    }

    [Fact]
    public void A_class_absent_from_truth_and_predictions_is_left_out_of_the_macro_average_but_listed_with_zeros()
    {
        var metrics = ClassificationMetrics.Compute([0, 0, 2, 2], [0, 2, 2, 2], ["a", "b", "c"]);
        var absent = metrics.PerClass[1];
        Assert.Equal((0.0, 0.0, 0.0, 0L), (absent.Precision, absent.Recall, absent.F1, absent.Support));
        // F1: a = 2·1/(2·1+0+1) = 2/3, c = 2·2/(2·2+1+0) = 4/5; b is in neither and not averaged.
        Assert.Equal((2.0 / 3 + 0.8) / 2, metrics.MacroF1, Tolerance);
    }

    [Fact]
    public void Metrics_from_a_confusion_matrix_equal_metrics_from_labels()
    {
        var golden = SklearnGolden.Get("mixed");
        var fromLabels = ClassificationMetrics.Compute(golden.Truth, golden.Predicted, golden.ClassNames);
        var fromCounts = ClassificationMetrics.FromConfusion(fromLabels.Confusion, golden.ClassNames);
        Assert.Equal(fromLabels.MacroF1, fromCounts.MacroF1);
        Assert.Equal(fromLabels.Kappa, fromCounts.Kappa);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_place_and_the_rule()
    {
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationMetrics.Compute([0, 1, 4], [0, 1, 1], ["a", "b", "c", "d"]));
        Assert.Contains("truth[2] = 4", outOfRange.Message);
        Assert.Contains("[0, 4)", outOfRange.Message);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationMetrics.Compute([0, 1], [0, -1], ["a", "b"]));
        Assert.Contains("predicted[1] = -1", negative.Message);
        Assert.Contains("pair up", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0, 1], [0], ["a", "b"])).Message);
        Assert.Contains("nothing to evaluate", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([], [], ["a", "b"])).Message);
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0], [0], ["a"])).Message);
        Assert.Contains("3 class names for a 2-class",
            Assert.Throws<ArgumentException>(() => ClassificationMetrics.FromConfusion(ConfusionMatrix.FromLabels([0], [1], 2), ["a", "b", "c"])).Message);
    }
}
