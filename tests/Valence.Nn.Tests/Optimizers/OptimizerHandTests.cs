using Valence.Nn.Layers;
using Valence.Nn.Optimizers;
using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Optimizers;

public class OptimizerHandTests
{
    [Fact]
    public void Adam_two_steps_on_a_scalar()
    {
        var p = Scalar(1f);
        var adam = new Adam([p], learningRate: 0.1);
        // Step 1, g = 0.5: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25: p = 1 − 0.1·0.5/(0.5 + 1e-8) = 0.900000002
        StepWith(adam, p, 0.5f);
        Assert.Equal(0.900000002, p.Value.Span[0], 6);
        // Step 2, g = 0.25: m = 0.07, v = 0.00031225, m̂ = 0.07/0.19, v̂ = 0.00031225/0.001999:
        // p = 0.9 − 0.1·0.368421/0.395225 = 0.806782
        StepWith(adam, p, 0.25f);
        Assert.Equal(0.806782, p.Value.Span[0], 5);
    }

    [Fact]
    public void Sgd_momentum_starts_its_buffer_undampened()
    {
        var p = Scalar(1f);
        var sgd = new Sgd([p], learningRate: 0.1, momentum: 0.9, dampening: 0.5);
        // Step 1, g = 1: b = 1 (not 0.5·1), p = 1 − 0.1 = 0.9
        StepWith(sgd, p, 1f);
        Assert.Equal(0.9f, p.Value.Span[0], 6);
        // Step 2, g = 2: b = 0.9·1 + 0.5·2 = 1.9, p = 0.9 − 0.19 = 0.71
        StepWith(sgd, p, 2f);
        Assert.Equal(0.71f, p.Value.Span[0], 6);
        Assert.Equal(1.9f, sgd.State[0].Value.Span[0], 6);
    }

    [Fact]
    public void Sgd_nesterov_looks_ahead_along_the_buffer()
    {
        var p = Scalar(1f);
        var sgd = new Sgd([p], learningRate: 0.1, momentum: 0.9, nesterov: true);
        // Step 1, g = 1: b = 1, d = 1 + 0.9·1 = 1.9, p = 1 − 0.19 = 0.81
        StepWith(sgd, p, 1f);
        Assert.Equal(0.81f, p.Value.Span[0], 6);
        // Step 2, g = 2: b = 0.9 + 2 = 2.9, d = 2 + 0.9·2.9 = 4.61, p = 0.81 − 0.461 = 0.349
        StepWith(sgd, p, 2f);
        Assert.Equal(0.349f, p.Value.Span[0], 5);
    }

    [Fact]
    public void AdamW_decays_the_weights_and_Adam_decays_the_gradient()
    {
        // With a zero gradient AdamW only shrinks p by (1 − η·λ); Adam sees g = λ·p and takes a full first step η.
        var decoupled = Scalar(2f);
        StepWith(new AdamW([decoupled], learningRate: 0.1, weightDecay: 0.2), decoupled, 0f);
        Assert.Equal(2f * (1 - 0.1f * 0.2f), decoupled.Value.Span[0], 6);
        var coupled = Scalar(2f);
        StepWith(new Adam([coupled], learningRate: 0.1, weightDecay: 0.2), coupled, 0f);
        Assert.Equal(1.9f, coupled.Value.Span[0], 6);
    }

    [Fact]
    public void ZeroGrad_clears_every_gradient()
    {
        var a = Scalar(1f);
        var b = new Parameter("b", new TensorShape(3));
        a.Gradient.Fill(2f);
        b.Gradient.Fill(3f);
        new Sgd([a, b], 0.1).ZeroGrad();
        Assert.Equal(0f, a.Gradient.MaxAbs());
        Assert.Equal(0f, b.Gradient.MaxAbs());
    }

    internal static Parameter Scalar(float value)
    {
        var p = new Parameter("p", new TensorShape(1));
        p.Value.Span[0] = value;
        return p;
    }

    private static void StepWith(Optimizer optimizer, Parameter p, float gradient)
    {
        p.Gradient.Span[0] = gradient;
        optimizer.Step();
    }
}
