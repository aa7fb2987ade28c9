using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

public class BatchNorm1DTests
{
    [Theory]
    [InlineData(new[] { 6, 4 }, true)]
    [InlineData(new[] { 6, 4 }, false)]
    [InlineData(new[] { 3, 4, 5 }, true)]
    [InlineData(new[] { 3, 4, 5 }, false)]
    public void Training_gradients_match_finite_differences(int[] shape, bool affine)
    {
        var layer = new BatchNorm1D("bn", new BatchNorm1DOptions(4, affine: affine));
        layer.Initialize(new Rng(1));
        if (affine)
        {
            // Away from γ = 1, β = 0, so that their gradients are exercised in general position.
            new Rng(9).FillUniform(layer.Parameters[0].Value.Span, 0.5f, 1.5f);
            new Rng(10).FillUniform(layer.Parameters[1].Value.Span, -0.5f, 0.5f);
        }
        GradientCheck.Layer(new PreservingInitialization(layer), new TensorShape(shape), seed: 5);
    }

    [Theory]
    [InlineData("rank3_affine")]
    [InlineData("rank2_affine")]
    [InlineData("rank3_plain")]
    public void Training_and_inference_match_PyTorch(string golden)
    {
        var g = Golden.Load($"activations_batchnorm_bn_{golden}");
        bool affine = bool.Parse(g.Metadata["affine"]);
        var layer = new BatchNorm1D("bn", new BatchNorm1DOptions(
            int.Parse(g.Metadata["num_features"]), float.Parse(g.Metadata["eps"]), float.Parse(g.Metadata["momentum"]), affine));
        if (affine)
        {
            g.CopyInto("weight", layer.Parameters[0].Value);
            g.CopyInto("bias", layer.Parameters[1].Value);
        }
        using var x1 = g.Tensor("x1");
        using var x2 = g.Tensor("x2");
        using var upstream = g.Tensor("g");
        using var xEval = g.Tensor("x_eval");

        TensorAssert.Close(g.Tensor("y1"), layer.Forward(x1, training: true), what: "first training output");
        TensorAssert.Close(g.Tensor("y2"), layer.Forward(x2, training: true), what: "second training output");
        TensorAssert.Close(g.Tensor("dx"), layer.Backward(upstream), what: "input gradient");
        if (affine)
        {
            TensorAssert.Close(g.Tensor("dweight"), layer.Parameters[0].Gradient, what: "weight gradient");
            TensorAssert.Close(g.Tensor("dbias"), layer.Parameters[1].Gradient, what: "bias gradient");
        }
        TensorAssert.Close(g.Tensor("running_mean"), Buffer(layer, "running_mean"), what: "running mean after two passes");
        TensorAssert.Close(g.Tensor("running_var"), Buffer(layer, "running_var"), what: "running variance after two passes");
        TensorAssert.Close(g.Tensor("y_eval"), layer.Forward(xEval, training: false), what: "inference output");
    }

    [Fact]
    public void Parameters_and_buffers_have_PyTorchs_names_order_and_initial_values()
    {
        var layer = new BatchNorm1D("bn", new BatchNorm1DOptions(3));
        Assert.Equal(["weight", "bias"], layer.Parameters.Select(p => p.Name));
        Assert.Equal(["running_mean", "running_var"], layer.Buffers.Select(b => b.Name));
        Assert.All(layer.Parameters, p => Assert.Equal(new TensorShape(3), p.Shape));
        Assert.Equal([1f, 1f, 1f], layer.Parameters[0].Value.ReadOnlySpan.ToArray());
        Assert.Equal([0f, 0f, 0f], layer.Parameters[1].Value.ReadOnlySpan.ToArray());
        Assert.Equal([0f, 0f, 0f], Buffer(layer, "running_mean").ReadOnlySpan.ToArray());
        Assert.Equal([1f, 1f, 1f], Buffer(layer, "running_var").ReadOnlySpan.ToArray());
        Assert.Empty(new BatchNorm1D("plain", new BatchNorm1DOptions(3, affine: false)).Parameters);
    }

    [Fact]
    public void Initialize_resets_parameters_and_running_statistics()
    {
        var layer = new BatchNorm1D("bn", new BatchNorm1DOptions(2));
        using var x = Tensor.FromValues([1f, 5f, 3f, -2f], new TensorShape(2, 2));
        layer.Parameters[0].Value.Fill(3f);
        layer.Forward(x, training: true);
        Assert.NotEqual(0f, Buffer(layer, "running_mean").Span[0]);
        layer.Initialize(new Rng(1));
        Assert.Equal([1f, 1f], layer.Parameters[0].Value.ReadOnlySpan.ToArray());
        Assert.Equal([0f, 0f], Buffer(layer, "running_mean").ReadOnlySpan.ToArray());
        Assert.Equal([1f, 1f], Buffer(layer, "running_var").ReadOnlySpan.ToArray());
    }

    [Fact]
    public void Hand_computed_training_step_on_one_channel()
    {
        // x = [1, 3] over the batch: μ = 2, σ² = 1 (biased), x̂ = ±1/√(1 + ε); unbiased variance 2.
        var layer = new BatchNorm1D("bn", new BatchNorm1DOptions(1, epsilon: 1e-5f, momentum: 0.5f));
        using var x = Tensor.FromValues([1f, 3f], new TensorShape(2, 1));
        var y = layer.Forward(x, training: true);
        float expected = 1f / MathF.Sqrt(1f + 1e-5f);
        Assert.Equal(-expected, y.Span[0], 6);
        Assert.Equal(expected, y.Span[1], 6);
        Assert.Equal(0.5f * 0f + 0.5f * 2f, Buffer(layer, "running_mean").Span[0], 6);
        Assert.Equal(0.5f * 1f + 0.5f * 2f, Buffer(layer, "running_var").Span[0], 6);
    }

    [Fact]
    public void Inference_leaves_the_running_statistics_alone()
    {
        var layer = new BatchNorm1D("bn", new BatchNorm1DOptions(2));
        using var x = Tensor.FromValues([1f, 5f, 3f, -2f], new TensorShape(2, 2));
        layer.Forward(x, training: false);
        Assert.Equal([0f, 0f], Buffer(layer, "running_mean").ReadOnlySpan.ToArray());
        Assert.Equal([1f, 1f], Buffer(layer, "running_var").ReadOnlySpan.ToArray());
    }

    [Fact]
    public void Shape_errors_name_the_layer_and_the_rule()
    {
        var layer = new BatchNorm1D("bn2", new BatchNorm1DOptions(32));
        var channels = Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(8, 30, 256)));
        Assert.Contains("BatchNorm1D 'bn2'", channels.Message);
        Assert.Contains("30 channels", channels.Message);
        Assert.Contains("[8, 30, 256]", channels.Message);
        var rank = Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(32)));
        Assert.Contains("BatchNorm1D 'bn2'", rank.Message);
    }

    [Fact]
    public void Training_on_one_value_per_channel_is_refused()
    {
        var layer = new BatchNorm1D("bn", new BatchNorm1DOptions(3));
        using var single = new Tensor(1, 3);
        var e = Assert.Throws<ShapeException>(() => layer.Forward(single, training: true));
        Assert.Contains("more than one value per channel", e.Message);
        Assert.Throws<InvalidOperationException>(() => layer.Backward(single));
        layer.Forward(single, training: false);
        using var oneSequence = new Tensor(1, 3, 4);
        layer.Forward(oneSequence, training: true);
    }

    [Fact]
    public void Backward_after_an_inference_forward_is_refused()
    {
        var layer = new BatchNorm1D("bn", new BatchNorm1DOptions(2));
        using var x = new Tensor(4, 2);
        layer.Forward(x, training: true);
        layer.Forward(x, training: false);
        Assert.Throws<InvalidOperationException>(() => layer.Backward(x));
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_argument_named()
    {
        Assert.Equal("NumFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm1DOptions(0)).ParamName);
        Assert.Equal("Epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm1DOptions(4, epsilon: 0f)).ParamName);
        Assert.Equal("Epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm1DOptions(4, epsilon: float.NaN)).ParamName);
        Assert.Equal("Momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm1DOptions(4, momentum: 1.5f)).ParamName);
        Assert.Equal("Momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm1DOptions(4, momentum: float.NaN)).ParamName);
        var defaults = new BatchNorm1DOptions(4);
        Assert.Equal((1e-5f, 0.1f, true), (defaults.Epsilon, defaults.Momentum, defaults.Affine));
    }

    private static Tensor Buffer(Layer layer, string name) => layer.Buffers.Single(b => b.Name == name).Value;

    // GradientCheck initialises the layer it checks; this wrapper keeps the values the test chose.
    private sealed class PreservingInitialization(Layer inner) : Layer(inner.Name)
    {
        public override string TypeName => inner.TypeName;
        public override object Options => inner.Options;
        public override IReadOnlyList<Layer> Children => [inner];
        public override void Initialize(Rng rng) { }
        public override TensorShape GetOutputShape(TensorShape inputShape) => inner.GetOutputShape(inputShape);
        public override Tensor Forward(Tensor input, bool training) => inner.Forward(input, training);
        public override Tensor Backward(Tensor outputGradient) => inner.Backward(outputGradient);
    }
}
