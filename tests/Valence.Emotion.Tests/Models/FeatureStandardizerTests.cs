using Valence.Emotion.Models;
using Valence.Nn.Tensors;

namespace Valence.Emotion.Tests.Models;

public class FeatureStandardizerTests
{
    [Fact]
    public void Fits_mean_and_population_std_over_every_batch_and_standardises()
    {
        var layer = new FeatureStandardizer("s", new FeatureStandardizerOptions(2));
        using var first = Tensor.FromValues([1f, 5f, 2f, 5f], new TensorShape(2, 2));
        using var second = Tensor.FromValues([3f, 5f, 6f, 5f], new TensorShape(2, 2));
        layer.BeginFit();
        layer.AccumulateFit(first);
        layer.AccumulateFit(second);
        layer.EndFit();

        // Feature 0: 1, 2, 3, 6 → mean 3, variance (4 + 1 + 0 + 9)/4 = 3.5. Feature 1 is constant: std 1.
        Assert.Equal([3f, 5f], layer.Mean.ToArray());
        Assert.Equal(MathF.Sqrt(3.5f), layer.Std[0], 6);
        Assert.Equal(1f, layer.Std[1]);
        var y = layer.Forward(second, training: false).ReadOnlySpan.ToArray();
        Assert.Equal(0f, y[0], 6);
        Assert.Equal(3 / MathF.Sqrt(3.5f), y[2], 5);
        Assert.Equal(0f, y[1]);
    }

    [Fact]
    public void A_fit_without_rows_is_refused_and_initialisation_restores_the_identity()
    {
        var layer = new FeatureStandardizer("s", new FeatureStandardizerOptions(3));
        layer.BeginFit();
        Assert.Throws<InvalidOperationException>(layer.EndFit);
        using var x = Tensor.FromValues([2f, 4f, 8f], new TensorShape(1, 3));
        layer.BeginFit();
        layer.AccumulateFit(x);
        layer.AccumulateFit(Tensor.FromValues([0f, 0f, 0f], new TensorShape(1, 3)));
        layer.EndFit();
        Assert.NotEqual(0f, layer.Mean[0]);
        layer.Initialize(new Valence.Nn.Initialization.Rng(1));
        Assert.Equal([2f, 4f, 8f], layer.Forward(x, training: false).ReadOnlySpan.ToArray());
    }
}
