using Valence.Nn.Layers;
using Valence.Nn.Optimizers;
using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Optimizers;

public class OptimizerSettingsTests
{
    private static Parameter[] Parameters() => [new Parameter("weight", new TensorShape(2, 2))];

    [Fact]
    public void Negative_or_non_finite_learning_rates_are_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(Parameters(), -0.1));
        Assert.Contains("learning rate must be finite and at least 0; got -0.1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(Parameters(), double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(Parameters(), double.PositiveInfinity));
        var adam = new Adam(Parameters());
        Assert.Throws<ArgumentOutOfRangeException>(() => adam.LearningRate = -1);
        Assert.Equal(1e-3, adam.LearningRate);
    }

    [Theory]
    [InlineData(-0.1, 0.999)]
    [InlineData(1.0, 0.999)]
    [InlineData(0.9, 1.0)]
    [InlineData(0.9, -1e-3)]
    [InlineData(double.NaN, 0.999)]
    public void Betas_outside_zero_to_one_are_refused(double beta1, double beta2)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(Parameters(), beta1: beta1, beta2: beta2));
        Assert.Contains("must be in [0, 1)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(Parameters(), beta1: beta1, beta2: beta2));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-8)]
    [InlineData(double.NaN)]
    public void Epsilon_must_be_positive(double epsilon)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(Parameters(), epsilon: epsilon));
        Assert.Contains("epsilon must be positive", e.Message);
    }

    [Fact]
    public void Bad_sgd_and_weight_decay_settings_are_refused()
    {
        Assert.Contains("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(Parameters(), 0.1, momentum: -0.5)).Message);
        Assert.Contains("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(Parameters(), 0.1, weightDecay: -1)).Message);
        Assert.Contains("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(Parameters(), weightDecay: -1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(Parameters(), 0.1, momentum: 0.9, dampening: 1.5));
        var nesterov = Assert.Throws<ArgumentException>(() => new Sgd(Parameters(), 0.1, momentum: 0.9, dampening: 0.1, nesterov: true));
        Assert.Contains("Nesterov momentum needs momentum > 0 and dampening 0", nesterov.Message);
        Assert.Throws<ArgumentException>(() => new Sgd(Parameters(), 0.1, nesterov: true));
    }

    [Fact]
    public void Parameter_lists_must_be_non_empty_and_distinct()
    {
        Assert.Contains("empty parameter list", Assert.Throws<ArgumentException>(() => new Adam([])).Message);
        var p = Parameters()[0];
        Assert.Contains("listed once", Assert.Throws<ArgumentException>(() => new Sgd([p, p], 0.1)).Message);
    }

    [Fact]
    public void AdamW_defaults_to_weight_decay_and_Adam_to_none()
    {
        Assert.Equal(0.01, new AdamW(Parameters()).WeightDecay);
        Assert.True(new AdamW(Parameters()).DecoupledWeightDecay);
        Assert.Equal(0, new Adam(Parameters()).WeightDecay);
        Assert.False(new Adam(Parameters()).DecoupledWeightDecay);
    }
}
