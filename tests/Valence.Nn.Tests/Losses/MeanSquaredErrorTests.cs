using Valence.Nn.Initialization;
using Valence.Nn.Losses;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Losses;

public class MeanSquaredErrorTests
{
    [Fact]
    public void Loss_and_gradient_match_PyTorch()
    {
        var golden = Golden.Load("losses_optim_losses");
        using var predictions = golden.Tensor("mse.predictions");
        using var targets = golden.Tensor("mse.targets");
        using var expectedLoss = golden.Tensor("mse.loss");
        using var expectedGradient = golden.Tensor("mse.grad");
        var loss = new MeanSquaredError();
        TensorAssert.Close(expectedLoss.ReadOnlySpan, [(float)loss.Forward(predictions, targets)], what: "loss");
        TensorAssert.Close(expectedGradient, loss.Backward(), what: "gradient");
    }

    [Fact]
    public void Matches_a_hand_computation()
    {
        // differences [1, −2, 0, 3]: loss (1 + 4 + 0 + 9) / 4, gradient 2·d / 4
        using var predictions = Tensor.FromValues([2f, 0f, 5f, 4f], new TensorShape(2, 2));
        using var targets = Tensor.FromValues([1f, 2f, 5f, 1f], new TensorShape(2, 2));
        var loss = new MeanSquaredError();
        Assert.Equal(3.5, loss.Forward(predictions, targets), 12);
        Assert.Equal(new[] { 0.5f, -1f, 0f, 1.5f }, loss.Backward().ReadOnlySpan.ToArray());
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        var rng = new Rng(11);
        using var predictions = new Tensor(4, 3);
        using var targets = new Tensor(4, 3);
        rng.FillUniform(predictions.Span, -1f, 1f);
        rng.FillUniform(targets.Span, -1f, 1f);
        var loss = new MeanSquaredError();
        loss.Forward(predictions, targets);
        using var analytic = loss.Backward().Clone();
        GradientCheck.Compare("MSE", predictions, analytic, () => loss.Forward(predictions, targets), rng,
            epsilon: 1e-2, tolerance: 1e-3, samples: 12);
    }

    [Fact]
    public void Shape_mismatch_names_both_shapes()
    {
        using var predictions = new Tensor(4, 3);
        using var targets = new Tensor(3, 4);
        var e = Assert.Throws<ShapeException>(() => new MeanSquaredError().Forward(predictions, targets));
        Assert.Contains("[4, 3]", e.Message);
        Assert.Contains("[3, 4]", e.Message);
        using var empty = new Tensor(0, 3);
        Assert.Throws<ShapeException>(() => new MeanSquaredError().Forward(empty, empty));
        Assert.Throws<InvalidOperationException>(() => new MeanSquaredError().Backward());
    }

    [Fact]
    public void Forward_and_backward_allocate_nothing_once_warm()
    {
        using var predictions = new Tensor(8, 2);
        using var targets = new Tensor(8, 2);
        var loss = new MeanSquaredError();
        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            loss.Forward(predictions, targets);
            loss.Backward();
        }, warmup: 1, repeats: 10));
    }
}
