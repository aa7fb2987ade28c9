using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

public class FlattenTests
{
    [Fact]
    public void Keeps_the_batch_axis_and_the_row_major_order()
    {
        var layer = new Flatten("flat");
        using var input = new Tensor(2, 3, 2);
        for (int i = 0; i < 12; i++) input.Span[i] = i;
        var output = layer.Forward(input, training: true);
        Assert.Equal(new TensorShape(2, 6), output.Shape);
        Assert.Equal(input[1, 2, 0], output[1, 4]);
        Assert.Equal(input.ReadOnlySpan.ToArray(), output.ReadOnlySpan.ToArray());
        var inputGradient = layer.Backward(output);
        Assert.Equal(input.Shape, inputGradient.Shape);
        Assert.Equal(input.ReadOnlySpan.ToArray(), inputGradient.ReadOnlySpan.ToArray());
    }

    [Fact]
    public void Flattens_every_axis_after_the_first() =>
        Assert.Equal(new TensorShape(4, 60), new Flatten("flat").GetOutputShape(new TensorShape(4, 3, 5, 4)));

    [Fact]
    public void Gradients_match_finite_differences() =>
        GradientCheck.Layer(new Flatten("flat"), new TensorShape(2, 3, 5));

    [Fact]
    public void Configuration_round_trips() =>
        LayerChecks.ConfigRoundTrip(new Flatten("flat"), new TensorShape(2, 3, 5));

    [Fact]
    public void A_tensor_without_a_batch_axis_is_refused() =>
        Assert.Equal("Flatten 'flat': expected an input [batch, …] of rank 2 or more, got shape [6].",
            Assert.Throws<ShapeException>(() => new Flatten("flat").GetOutputShape(new TensorShape(6))).Message);
}
