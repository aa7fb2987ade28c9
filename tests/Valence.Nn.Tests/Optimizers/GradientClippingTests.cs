using System.Text.Json;
using Valence.Nn.Layers;
using Valence.Nn.Optimizers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Optimizers;

public class GradientClippingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Clipped_gradients_and_norm_match_PyTorch(int index)
    {
        var golden = Golden.Load("losses_optim_clipping");
        double maxNorm = JsonSerializer.Deserialize<double[]>(golden.Metadata["max_norms"])![index];
        var parameters = new Parameter[3];
        for (int i = 0; i < parameters.Length; i++)
        {
            using var gradient = golden.Tensor($"grad.{i}");
            parameters[i] = new Parameter($"p{i}", gradient.Shape);
            gradient.CopyTo(parameters[i].Gradient);
        }

        double total = GradientClipping.ClipByGlobalNorm(parameters, maxNorm);

        using var expectedTotal = golden.Tensor($"clip{index}.total_norm");
        TensorAssert.Close(expectedTotal.ReadOnlySpan, [(float)total], what: "total norm");
        for (int i = 0; i < parameters.Length; i++)
        {
            using var expected = golden.Tensor($"clip{index}.grad.{i}");
            TensorAssert.Close(expected, parameters[i].Gradient, what: $"clip {index} gradient {i}");
        }
    }

    [Fact]
    public void Scales_a_three_four_five_example()
    {
        Parameter a = OptimizerHandTests.Scalar(0f), b = OptimizerHandTests.Scalar(0f);
        a.Gradient.Span[0] = 3f;
        b.Gradient.Span[0] = 4f;
        Assert.Equal(5.0, GradientClipping.ClipByGlobalNorm([a, b], 1.0), 6);
        // coef = 1 / (5 + 1e-6)
        Assert.Equal(0.6f, a.Gradient.Span[0], 5);
        Assert.Equal(0.8f, b.Gradient.Span[0], 5);
        // Already within the limit: unchanged.
        Assert.Equal(1.0, GradientClipping.ClipByGlobalNorm([a, b], 2.0), 5);
        Assert.Equal(0.6f, a.Gradient.Span[0], 5);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Max_norm_must_be_positive(double maxNorm)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByGlobalNorm([OptimizerHandTests.Scalar(1f)], maxNorm));
        Assert.Contains("maxNorm must be positive", e.Message);
    }
}
