using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

public class GlobalAveragePool1DTests
{
    [Fact]
    public void Averages_over_time_and_spreads_the_gradient_evenly()
    {
        var layer = new GlobalAveragePool1D("gap");
        using var input = Tensor.FromValues([1, 2, 3, 4, -4, 0, 2, 6], new TensorShape(1, 2, 4));
        Assert.Equal([2.5f, 1f], layer.Forward(input, training: true).ReadOnlySpan.ToArray());
        using var gradient = Tensor.FromValues([4, -8], new TensorShape(1, 2));
        Assert.Equal([1f, 1f, 1f, 1f, -2f, -2f, -2f, -2f], layer.Backward(gradient).ReadOnlySpan.ToArray());
    }

    [Fact]
    public void Gradients_match_finite_differences() =>
        GradientCheck.Layer(new GlobalAveragePool1D("gap"), new TensorShape(3, 5, 17));

    [Fact]
    public void Configuration_round_trips() =>
        LayerChecks.ConfigRoundTrip(new GlobalAveragePool1D("gap"), new TensorShape(2, 3, 7));

    [Fact]
    public void Bad_shapes_are_explained()
    {
        var layer = new GlobalAveragePool1D("gap");
        Assert.Contains("GlobalAveragePool1D 'gap' input: expected a rank-3 tensor [batch, channels, time], got shape [8, 64]",
            Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(8, 64))).Message);
        Assert.Equal("GlobalAveragePool1D 'gap': time axis has no steps to average (input shape [8, 64, 0]).",
            Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(8, 64, 0))).Message);
    }
}
