using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

public class PoolingTests
{
    [Fact]
    public void Max_pooling_routes_the_gradient_to_the_first_maximum()
    {
        // Windows of 2 every step over [1 1 0 2 2]: maxima 1 (first of two), 1, 2, 2 (first of two).
        var layer = new MaxPool1D("pool", new Pool1DOptions(2, 1));
        using var input = Tensor.FromValues([1, 1, 0, 2, 2], new TensorShape(1, 1, 5));
        Assert.Equal([1f, 1f, 2f, 2f], layer.Forward(input, training: true).ReadOnlySpan.ToArray());
        using var ones = Tensor.FromValues([1, 1, 1, 1], new TensorShape(1, 1, 4));
        Assert.Equal([1f, 1f, 0f, 2f, 0f], layer.Backward(ones).ReadOnlySpan.ToArray());
    }

    [Fact]
    public void Max_pooling_propagates_nan_like_pytorch()
    {
        var layer = new MaxPool1D("pool", new Pool1DOptions(3));
        using var input = Tensor.FromValues([5, float.NaN, 1, 0, 2, 1], new TensorShape(1, 1, 6));
        var output = layer.Forward(input, training: false).ReadOnlySpan.ToArray();
        Assert.True(float.IsNaN(output[0]));
        Assert.Equal(2f, output[1]);
    }

    [Fact]
    public void Average_pooling_matches_a_hand_computation_and_drops_the_incomplete_window()
    {
        // Windows of 3 every 2 steps over 8 steps: [0,3), [2,5), [4,7); step 7 is left out (floor mode).
        var layer = new AvgPool1D("pool", new Pool1DOptions(3, 2));
        using var input = Tensor.FromValues([1, 2, 3, 4, 5, 6, 7, 100], new TensorShape(1, 1, 8));
        Assert.Equal([2f, 4f, 6f], layer.Forward(input, training: true).ReadOnlySpan.ToArray());
        using var gradient = Tensor.FromValues([3, 6, 9], new TensorShape(1, 1, 3));
        Assert.Equal([1f, 1f, 3f, 2f, 5f, 3f, 3f, 0f], layer.Backward(gradient).ReadOnlySpan.ToArray());
    }

    [Theory]
    [InlineData(3, 2, 2, 3, 17)]
    [InlineData(2, null, 1, 2, 19)]
    [InlineData(4, 1, 2, 1, 7)]
    [InlineData(1, null, 2, 2, 5)]
    public void Gradients_match_finite_differences(int kernel, int? stride, int batch, int channels, int time)
    {
        var shape = new TensorShape(batch, channels, time);
        GradientCheck.Layer(new AvgPool1D("avg", Options(kernel, stride)), shape);
        // A smaller step keeps the perturbed value on the same side of its window's runner-up.
        GradientCheck.Layer(new MaxPool1D("max", Options(kernel, stride)), shape, epsilon: 1e-3, tolerance: 3e-2);
    }

    [Fact]
    public void Stride_defaults_to_the_kernel_size()
    {
        Assert.Equal(3, new Pool1DOptions(3).Stride);
        Assert.Equal(new Pool1DOptions(3, 3), new Pool1DOptions(3));
        Assert.Equal(new TensorShape(2, 4, 6), new MaxPool1D("p", new Pool1DOptions(3)).GetOutputShape(new TensorShape(2, 4, 20)));
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(4, 2)]
    public void Configuration_round_trips(int kernel, int? stride)
    {
        LayerChecks.ConfigRoundTrip(new MaxPool1D("max", Options(kernel, stride)), new TensorShape(2, 3, 17));
        LayerChecks.ConfigRoundTrip(new AvgPool1D("avg", Options(kernel, stride)), new TensorShape(2, 3, 17));
    }

    [Fact]
    public void Bad_options_and_shapes_are_explained()
    {
        Assert.Equal("kernelSize", Assert.Throws<ArgumentOutOfRangeException>(() => new Pool1DOptions(0)).ParamName);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => new Pool1DOptions(2, 0)).ParamName);
        var layer = new MaxPool1D("pool1", new Pool1DOptions(4));
        Assert.Equal("MaxPool1D 'pool1': time axis of 3 steps is shorter than the kernel of 4 steps (input shape [8, 64, 3]).",
            Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(8, 64, 3))).Message);
        Assert.Contains("AvgPool1D 'avg' input: expected a rank-3 tensor [batch, channels, time], got shape [8, 64]",
            Assert.Throws<ShapeException>(() => new AvgPool1D("avg", new Pool1DOptions(2)).GetOutputShape(new TensorShape(8, 64))).Message);
    }

    private static Pool1DOptions Options(int kernel, int? stride) =>
        stride is { } s ? new Pool1DOptions(kernel, s) : new Pool1DOptions(kernel);
}
