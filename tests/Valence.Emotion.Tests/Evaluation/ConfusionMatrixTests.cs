using Valence.Emotion.Evaluation;

namespace Valence.Emotion.Tests.Evaluation;

public class ConfusionMatrixTests
{
    [Fact]
    public void Rows_are_true_classes_and_columns_predicted_classes()
    {
        // Two items of class 0 predicted as 1, one item of class 1 predicted as 0.
        var matrix = ConfusionMatrix.FromLabels([0, 0, 1, 1], [1, 1, 0, 1], 2);
        Assert.Equal(new long[,] { { 0, 2 }, { 1, 1 } }, matrix.ToArray());
        Assert.Equal((2L, 2L), (matrix.TrueCount(0), matrix.TrueCount(1)));
        Assert.Equal((1L, 3L), (matrix.PredictedCount(0), matrix.PredictedCount(1)));
        Assert.Equal((4L, 1L), (matrix.Total, matrix.Correct));
    }

    [Fact]
    public void Pooling_adds_the_counts_cell_by_cell()
    {
        var first = ConfusionMatrix.FromCounts(new long[,] { { 3, 1, 0 }, { 0, 2, 0 }, { 1, 0, 4 } });
        var second = ConfusionMatrix.FromLabels([0, 1, 2, 2], [2, 1, 2, 0], 3);
        var pooled = ConfusionMatrix.Sum([first, second]);
        Assert.Equal(new long[,] { { 3, 1, 1 }, { 0, 3, 0 }, { 2, 0, 5 } }, pooled.ToArray());
    }

    [Fact]
    public void Mismatched_or_malformed_counts_are_refused()
    {
        var two = ConfusionMatrix.FromLabels([0], [0], 2);
        var three = ConfusionMatrix.FromLabels([0], [0], 3);
        Assert.Contains("matrix 1 has 3 classes", Assert.Throws<ArgumentException>(() => ConfusionMatrix.Sum([two, three])).Message);
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Sum([]));
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromCounts(new long[2, 3])).Message);
        Assert.Contains("counts[1, 0]", Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.FromCounts(new long[,] { { 1, 0 }, { -1, 0 } })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => two[2, 0]);
    }
}
