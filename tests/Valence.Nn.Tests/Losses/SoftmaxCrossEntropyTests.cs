using Valence.Nn.Initialization;
using Valence.Nn.Losses;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Losses;

public class SoftmaxCrossEntropyTests
{
    private static readonly Golden Golden = Golden.Load("losses_optim_losses");

    [Theory]
    [InlineData("plain", false, false)]
    [InlineData("weighted", true, false)]
    [InlineData("smoothed", false, true)]
    [InlineData("weighted_smoothed", true, true)]
    public void Loss_and_gradient_match_PyTorch(string name, bool weighted, bool smoothed)
    {
        using var logits = Golden.Tensor("ce.logits");
        CheckAgainstGolden(name, logits, CreateLoss(weighted, smoothed));
    }

    [Fact]
    public void Large_logits_stay_finite_and_match_PyTorch()
    {
        using var logits = Golden.Tensor("ce.large.logits");
        Assert.True(logits.MaxAbs() > 200);
        CheckAgainstGolden("large", logits, CreateLoss(weighted: true, smoothed: true));
    }

    [Theory]
    [InlineData(false, 0.0)]
    [InlineData(true, 0.0)]
    [InlineData(false, 0.2)]
    [InlineData(true, 0.2)]
    [InlineData(true, 1.0)]
    public void Gradient_matches_finite_differences(bool weighted, double smoothing)
    {
        var rng = new Rng(7);
        using var logits = new Tensor(5, 3);
        rng.FillUniform(logits.Span, -2f, 2f);
        int[] labels = [2, 0, 1, 1, 2];
        var loss = weighted ? new SoftmaxCrossEntropy([0.3f, 1.5f, 0.8f], smoothing) : new SoftmaxCrossEntropy(labelSmoothing: smoothing);
        loss.Forward(logits, labels);
        using var analytic = loss.Backward().Clone();
        GradientCheck.Compare($"cross-entropy (weighted {weighted}, ε {smoothing})", logits, analytic,
            () => loss.Forward(logits, labels), rng, epsilon: 1e-2, tolerance: 1e-2, samples: 15);
    }

    [Fact]
    public void Matches_a_hand_computation()
    {
        // Row 0: equal logits, label 0: −log ½. Row 1: logits [ln 3, 0], label 1: p = [¾, ¼], −log ¼.
        using var logits = Tensor.FromValues([0f, 0f, MathF.Log(3f), 0f], new TensorShape(2, 2));
        var loss = new SoftmaxCrossEntropy();
        double value = loss.Forward(logits, [0, 1]);
        Assert.Equal((Math.Log(2) + Math.Log(4)) / 2, value, 6);
        // (p − onehot) / batch
        TensorAssert.Close(Tensor.FromValues([-0.25f, 0.25f, 0.375f, -0.375f], new TensorShape(2, 2)), loss.Backward());
    }

    [Fact]
    public void Full_smoothing_ignores_the_labels()
    {
        // With ε = 1 the target is uniform whatever the labels.
        using var logits = Tensor.FromValues([1f, 2f, 3f, -1f, 0f, 4f], new TensorShape(2, 3));
        var loss = new SoftmaxCrossEntropy(labelSmoothing: 1);
        Assert.Equal(loss.Forward(logits, [0, 1]), loss.Forward(logits, [2, 2]), 12);
    }

    [Fact]
    public void Bad_labels_and_shapes_are_refused_with_both_shapes()
    {
        using var logits = new Tensor(3, 4);
        var loss = new SoftmaxCrossEntropy();
        var label = Assert.Throws<ArgumentOutOfRangeException>(() => loss.Forward(logits, [0, 4, 1]));
        Assert.Contains("label 4 at row 1 is outside [0, 4)", label.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => loss.Forward(logits, [0, -1, 1]));
        var count = Assert.Throws<ShapeException>(() => loss.Forward(logits, [0, 1]));
        Assert.Contains("2 labels for logits of shape [3, 4]", count.Message);
        using var rank3 = new Tensor(3, 4, 1);
        Assert.Throws<ShapeException>(() => loss.Forward(rank3, [0, 1, 2]));
        var weights = Assert.Throws<ShapeException>(() => new SoftmaxCrossEntropy([1f, 2f, 3f]).Forward(logits, [0, 1, 2]));
        Assert.Contains("3 class weights for logits of shape [3, 4] with 4 classes", weights.Message);
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        Assert.Contains("[0, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxCrossEntropy(labelSmoothing: 1.5)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxCrossEntropy(labelSmoothing: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxCrossEntropy(labelSmoothing: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxCrossEntropy([1f, -1f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxCrossEntropy([1f, float.NaN]));
        using var logits = new Tensor(2, 2);
        Assert.Contains("class weight 0", Assert.Throws<ArgumentException>(() => new SoftmaxCrossEntropy([0f, 1f]).Forward(logits, [0, 0])).Message);
        Assert.Throws<InvalidOperationException>(() => new SoftmaxCrossEntropy().Backward());
    }

    [Fact]
    public void Forward_and_backward_allocate_nothing_once_warm()
    {
        var rng = new Rng(3);
        using var logits = new Tensor(16, 4);
        rng.FillUniform(logits.Span, -3f, 3f);
        int[] labels = [0, 1, 2, 3, 0, 1, 2, 3, 3, 2, 1, 0, 0, 0, 1, 1];
        var loss = new SoftmaxCrossEntropy([1f, 2f, 0.5f, 1f], 0.1);
        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            loss.Forward(logits, labels);
            loss.Backward();
        }, warmup: 1, repeats: 10));
    }

    private static SoftmaxCrossEntropy CreateLoss(bool weighted, bool smoothed)
    {
        using var weight = Golden.Tensor("ce.weight");
        double smoothing = smoothed ? double.Parse(Golden.Metadata["label_smoothing"]) : 0;
        return weighted ? new SoftmaxCrossEntropy(weight.ReadOnlySpan, smoothing) : new SoftmaxCrossEntropy(labelSmoothing: smoothing);
    }

    private static void CheckAgainstGolden(string name, Tensor logits, SoftmaxCrossEntropy loss)
    {
        int[] labels = Array.ConvertAll(Golden.Integers("ce.labels"), l => (int)l);
        using var expectedLoss = Golden.Tensor($"ce.{name}.loss");
        using var expectedGradient = Golden.Tensor($"ce.{name}.grad");
        double value = loss.Forward(logits, labels);
        TensorAssert.Close(expectedLoss.ReadOnlySpan, [(float)value], what: $"{name} loss");
        TensorAssert.Close(expectedGradient, loss.Backward(), what: $"{name} gradient");
    }
}
