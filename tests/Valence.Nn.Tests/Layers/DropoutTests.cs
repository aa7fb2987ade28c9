using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Layers;

public class DropoutTests
{
    [Fact]
    public void Backward_multiplies_by_the_mask_the_forward_used()
    {
        const float p = 0.3f;
        var layer = Initialized(new DropoutOptions(p));
        using var x = NonZeroInput(new TensorShape(8, 5, 7), seed: 2);
        using var upstream = NonZeroInput(x.Shape, seed: 3);
        var y = layer.Forward(x, training: true).Clone();
        var dx = layer.Backward(upstream);

        int dropped = 0;
        for (int i = 0; i < x.Length; i++)
        {
            // Each output is either dropped (0) or the input scaled by 1/(1 − p); the gradient follows the same mask.
            bool kept = y.Span[i] != 0f;
            float mask = kept ? 1f / (1f - p) : 0f;
            if (kept) Assert.Equal(x.Span[i] * mask, y.Span[i], 6);
            else dropped++;
            Assert.Equal(upstream.Span[i] * mask, dx.Span[i], 6);
        }
        Assert.InRange(dropped, 1, x.Length - 1);
    }

    [Theory]
    [InlineData(0.1f)]
    [InlineData(0.5f)]
    [InlineData(0.9f)]
    public void The_drop_rate_is_p(float p)
    {
        var layer = Initialized(new DropoutOptions(p));
        using var x = new Tensor(200, 500);
        x.Fill(1f);
        var y = layer.Forward(x, training: true);
        int dropped = 0;
        foreach (float v in y.ReadOnlySpan) if (v == 0f) dropped++;
        // Binomial(n, p): 5 standard deviations either side.
        double n = x.Length, sigma = Math.Sqrt(p * (1 - p) / n);
        Assert.InRange(dropped / n, p - 5 * sigma, p + 5 * sigma);
    }

    [Fact]
    public void The_same_seed_gives_the_same_masks_and_each_forward_a_new_one()
    {
        using var x = NonZeroInput(new TensorShape(16, 32), seed: 4);
        var a = Initialized(new DropoutOptions(0.5f), seed: 11);
        var b = Initialized(new DropoutOptions(0.5f), seed: 11);
        var c = Initialized(new DropoutOptions(0.5f), seed: 12);
        var a1 = a.Forward(x, training: true).ReadOnlySpan.ToArray();
        var a2 = a.Forward(x, training: true).ReadOnlySpan.ToArray();
        Assert.Equal(a1, b.Forward(x, training: true).ReadOnlySpan.ToArray());
        Assert.Equal(a2, b.Forward(x, training: true).ReadOnlySpan.ToArray());
        Assert.NotEqual(a1, a2);
        Assert.NotEqual(a1, c.Forward(x, training: true).ReadOnlySpan.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Inference_is_the_identity(bool spatial)
    {
        var layer = Initialized(new DropoutOptions(0.6f, spatial));
        using var x = NonZeroInput(new TensorShape(3, 4, 5), seed: 5);
        var y = layer.Forward(x, training: false);
        Assert.NotSame(x, y);
        Assert.Equal(x.ReadOnlySpan.ToArray(), y.ReadOnlySpan.ToArray());
    }

    [Fact]
    public void A_rate_of_zero_keeps_everything_in_training()
    {
        var layer = Initialized(new DropoutOptions(0f));
        using var x = NonZeroInput(new TensorShape(10, 10), seed: 6);
        Assert.Equal(x.ReadOnlySpan.ToArray(), layer.Forward(x, training: true).ReadOnlySpan.ToArray());
    }

    [Fact]
    public void Spatial_mode_drops_whole_channels_across_time()
    {
        const float p = 0.5f;
        var layer = Initialized(new DropoutOptions(p, spatial: true));
        using var x = NonZeroInput(new TensorShape(6, 8, 10), seed: 7);
        using var upstream = NonZeroInput(x.Shape, seed: 8);
        var y = layer.Forward(x, training: true).Clone();
        var dx = layer.Backward(upstream);
        int droppedChannels = 0;
        for (int b = 0; b < 6; b++)
            for (int c = 0; c < 8; c++)
            {
                bool kept = y[b, c, 0] != 0f;
                if (!kept) droppedChannels++;
                float mask = kept ? 1f / (1f - p) : 0f;
                for (int t = 0; t < 10; t++)
                {
                    Assert.Equal(x[b, c, t] * mask, y[b, c, t], 6);
                    Assert.Equal(upstream[b, c, t] * mask, dx[b, c, t], 6);
                }
            }
        Assert.InRange(droppedChannels, 1, 47);
    }

    [Fact]
    public void Spatial_mode_needs_a_batch_channels_time_input()
    {
        var layer = new Dropout("sdrop", new DropoutOptions(0.2f, spatial: true));
        var e = Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(8, 30)));
        Assert.Contains("Dropout 'sdrop'", e.Message);
        Assert.Contains("[8, 30]", e.Message);
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void Rates_outside_zero_to_one_are_refused_not_clamped(float rate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DropoutOptions(rate));
        Assert.Equal("Rate", e.ParamName);
        Assert.Contains("[0, 1)", e.Message);
    }

    [Fact]
    public void Training_without_initialization_or_backward_without_training_is_refused()
    {
        var layer = new Dropout("drop");
        using var x = new Tensor(2, 3);
        Assert.Contains("Initialize", Assert.Throws<InvalidOperationException>(() => layer.Forward(x, training: true)).Message);
        Assert.Contains("Backward needs a preceding Forward with training=true", Assert.Throws<InvalidOperationException>(() => layer.Backward(x)).Message);
        layer.Initialize(new Rng(1));
        layer.Forward(x, training: false);
        Assert.Throws<InvalidOperationException>(() => layer.Backward(x));
    }

    private static Dropout Initialized(DropoutOptions options, ulong seed = 1)
    {
        var layer = new Dropout("drop", options);
        layer.Initialize(new Rng(seed));
        return layer;
    }

    private static Tensor NonZeroInput(TensorShape shape, ulong seed)
    {
        var x = new Tensor(shape);
        new Rng(seed).FillUniform(x.Span, 0.5f, 1.5f);
        return x;
    }
}
