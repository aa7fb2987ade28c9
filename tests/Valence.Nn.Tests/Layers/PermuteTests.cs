using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

public class PermuteTests
{
    [Fact]
    public void Swaps_channels_and_time_element_by_element()
    {
        var layer = new Permute("p");
        using var input = new Tensor(2, 3, 17);
        for (int i = 0; i < input.Length; i++) input.Span[i] = i;
        var output = layer.Forward(input, training: false);
        Assert.Equal(new TensorShape(2, 17, 3), output.Shape);
        for (int b = 0; b < 2; b++)
            for (int c = 0; c < 3; c++)
                for (int t = 0; t < 17; t++)
                    Assert.Equal(input[b, c, t], output[b, t, c]);
    }

    [Fact]
    public void Gradient_matches_finite_differences() =>
        GradientCheck.Layer(new Permute("p"), new TensorShape(3, 19, 5));

    [Fact]
    public void Refuses_a_tensor_that_is_not_rank_3()
    {
        var e = Assert.Throws<ShapeException>(() => new Permute("swap").GetOutputShape(new TensorShape(4, 5)));
        Assert.Contains("Permute 'swap'", e.Message);
        Assert.Contains("[4, 5]", e.Message);
    }

    [Fact]
    public void Config_round_trips()
    {
        var rebuilt = LayerFactory.FromConfig(new Permute("p").ToConfig());
        Assert.IsType<Permute>(rebuilt);
        Assert.Equal("p", rebuilt.Name);
    }
}
