using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

public class DenseTests
{
    [Fact]
    public void Forward_and_backward_match_a_hand_computation()
    {
        // W = [1 2; 3 4; 5 6], b = [0.5, −1, 2], x = [1 −1]: y = x·Wᵀ + b = [−0.5, −2, 1]
        var layer = new Dense("fc", new DenseOptions(2, 3));
        Tensor.FromValues([1, 2, 3, 4, 5, 6], new TensorShape(3, 2)).CopyTo(layer.Parameters[0].Value);
        Tensor.FromValues([0.5f, -1, 2], new TensorShape(3)).CopyTo(layer.Parameters[1].Value);
        using var input = Tensor.FromValues([1, -1], new TensorShape(1, 2));
        Assert.Equal([-0.5f, -2f, 1f], layer.Forward(input, training: true).ReadOnlySpan.ToArray());

        // g = [1 0 −1]: dx = g·W = [−4, −4], dW = gᵀ·x, db = g
        using var gradient = Tensor.FromValues([1, 0, -1], new TensorShape(1, 3));
        Assert.Equal([-4f, -4f], layer.Backward(gradient).ReadOnlySpan.ToArray());
        Assert.Equal([1f, -1f, 0f, 0f, -1f, 1f], layer.Parameters[0].Gradient.ReadOnlySpan.ToArray());
        Assert.Equal([1f, 0f, -1f], layer.Parameters[1].Gradient.ReadOnlySpan.ToArray());
    }

    [Theory]
    [InlineData(3, 7, 5, true)]
    [InlineData(1, 17, 19, false)]
    public void Gradients_match_finite_differences(int batch, int inFeatures, int outFeatures, bool bias)
    {
        GradientCheck.Layer(new Dense("fc", new DenseOptions(inFeatures, outFeatures, bias)), new TensorShape(batch, inFeatures));
    }

    [Fact]
    public void Leading_axes_are_rows_as_in_pytorch()
    {
        var layer = new Dense("fc", new DenseOptions(5, 3));
        layer.Initialize(new Rng(1));
        using var sequence = new Tensor(2, 4, 5);
        new Rng(2).FillUniform(sequence.Span, -1f, 1f);
        var output = layer.Forward(sequence, training: false).ReadOnlySpan.ToArray();
        using var rows = Tensor.FromValues(sequence.ReadOnlySpan, new TensorShape(8, 5));
        Assert.Equal(new TensorShape(2, 4, 3), layer.GetOutputShape(sequence.Shape));
        Assert.Equal(layer.Forward(rows, training: false).ReadOnlySpan.ToArray(), output);
        GradientCheck.Layer(layer, new TensorShape(2, 4, 5));
    }

    [Fact]
    public void Parameters_have_pytorch_names_shapes_and_initial_distribution()
    {
        var layer = new Dense("fc", new DenseOptions(64, 100));
        layer.Initialize(new Rng(3));
        Assert.Equal(["weight", "bias"], layer.Parameters.Select(p => p.Name));
        Assert.Equal(new TensorShape(100, 64), layer.Parameters[0].Shape);
        LayerChecks.AssertFanInUniform(layer.Parameters[0].Value, 64, "fc.weight");
        LayerChecks.AssertFanInUniform(layer.Parameters[1].Value, 64, "fc.bias");
        Assert.Equal(["weight"], new Dense("fc", new DenseOptions(4, 2, bias: false)).Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Skipping_the_input_gradient_leaves_parameter_gradients_unchanged()
    {
        var full = new Dense("fc", new DenseOptions(6, 4));
        var skipping = new Dense("fc", new DenseOptions(6, 4)) { InputGradientRequired = false };
        full.Initialize(new Rng(1));
        skipping.Initialize(new Rng(1));
        using var input = new Tensor(3, 6);
        new Rng(2).FillUniform(input.Span, -1f, 1f);
        using var gradient = new Tensor(3, 4);
        new Rng(3).FillUniform(gradient.Span, -1f, 1f);
        foreach (var layer in new[] { full, skipping })
        {
            layer.Forward(input, training: true);
            layer.Backward(gradient);
        }
        for (int i = 0; i < 2; i++)
            Assert.Equal(full.Parameters[i].Gradient.ReadOnlySpan.ToArray(), skipping.Parameters[i].Gradient.ReadOnlySpan.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Configuration_round_trips(bool bias)
    {
        LayerChecks.ConfigRoundTrip(new Dense("fc", new DenseOptions(6, 4, bias)), new TensorShape(3, 6));
    }

    [Fact]
    public void Bad_options_and_shapes_are_explained()
    {
        Assert.Equal("inFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new DenseOptions(0, 3)).ParamName);
        Assert.Equal("outFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new DenseOptions(3, -2)).ParamName);
        var layer = new Dense("fc", new DenseOptions(64, 4));
        Assert.Equal("Dense 'fc': input has 32 features on its last axis, expected inFeatures=64 (input shape [8, 32]).",
            Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(8, 32))).Message);
        Assert.Contains("rank 2 or more, got shape [64]",
            Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(64))).Message);
        using var input = new Tensor(1, 64);
        layer.Forward(input, training: false);
        using var gradient = new Tensor(1, 4);
        Assert.Throws<InvalidOperationException>(() => layer.Backward(gradient));
    }
}
