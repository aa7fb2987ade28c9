using System.Text.Json.Nodes;
using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

public class Conv1DTests
{
    /// <summary>batch, inChannels, outChannels, time, kernel, stride, dilation, groups, padding, explicitPadding, bias.</summary>
    public static readonly IEnumerable<object[]> Configurations =
    [
        [2, 3, 4, 17, 3, 1, 1, 1, PaddingMode.Valid, 0, true],
        [2, 3, 4, 19, 3, 2, 1, 1, PaddingMode.Valid, 0, true],
        [2, 3, 4, 17, 3, 1, 2, 1, PaddingMode.Valid, 0, true],
        [2, 4, 6, 17, 3, 1, 1, 2, PaddingMode.Valid, 0, true],
        [1, 3, 2, 17, 4, 1, 1, 1, PaddingMode.Same, 0, true],
        [2, 3, 2, 19, 5, 2, 1, 1, PaddingMode.Same, 0, true],
        [1, 4, 4, 19, 3, 1, 2, 4, PaddingMode.Same, 0, false],
        [2, 2, 2, 3, 5, 1, 1, 1, PaddingMode.Same, 0, true],
        [2, 2, 3, 19, 3, 1, 4, 1, PaddingMode.Causal, 0, true],
        [2, 2, 3, 17, 3, 3, 2, 1, PaddingMode.Causal, 0, true],
        [1, 2, 2, 2, 3, 1, 2, 1, PaddingMode.Causal, 0, true],
        [2, 3, 4, 17, 3, 2, 1, 1, PaddingMode.Explicit, 2, false],
        [2, 4, 2, 19, 3, 2, 2, 2, PaddingMode.Explicit, 1, true],
        [3, 5, 2, 17, 1, 1, 1, 1, PaddingMode.Valid, 0, true],
    ];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Gradients_match_finite_differences(int batch, int inChannels, int outChannels, int time, int kernel,
        int stride, int dilation, int groups, PaddingMode padding, int explicitPadding, bool bias)
    {
        var options = new Conv1DOptions(inChannels, outChannels, kernel, stride, dilation, groups, padding, explicitPadding, bias);
        GradientCheck.Layer(new Conv1D("conv", options), new TensorShape(batch, inChannels, time));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Output_matches_a_direct_convolution(int batch, int inChannels, int outChannels, int time, int kernel,
        int stride, int dilation, int groups, PaddingMode padding, int explicitPadding, bool bias)
    {
        var options = new Conv1DOptions(inChannels, outChannels, kernel, stride, dilation, groups, padding, explicitPadding, bias);
        var layer = new Conv1D("conv", options);
        var rng = new Rng(3);
        layer.Initialize(rng);
        using var input = new Tensor(batch, inChannels, time);
        rng.FillUniform(input.Span, -1f, 1f);
        using var expected = DirectConvolution(layer, input, options);
        TensorAssert.Close(expected, layer.Forward(input, training: false), 1e-5);
    }

    [Fact]
    public void Buffers_follow_a_change_of_batch_and_length()
    {
        var options = new Conv1DOptions(3, 4, 3, stride: 2, padding: PaddingMode.Same);
        var layer = new Conv1D("conv", options);
        var rng = new Rng(5);
        layer.Initialize(rng);
        foreach (var shape in new[] { new TensorShape(4, 3, 19), new TensorShape(1, 3, 7), new TensorShape(2, 3, 31) })
        {
            using var input = new Tensor(shape);
            rng.FillUniform(input.Span, -1f, 1f);
            using var expected = DirectConvolution(layer, input, options);
            TensorAssert.Close(expected, layer.Forward(input, training: true), 1e-5, $"output for {shape}");
            Assert.Equal(shape, layer.Backward(expected).Shape);
        }
    }

    [Theory]
    [InlineData(PaddingMode.Valid, 0, 17, 4, 1, 1, 0, 0, 14)]
    [InlineData(PaddingMode.Explicit, 2, 19, 4, 2, 1, 2, 2, 10)]
    [InlineData(PaddingMode.Same, 0, 17, 4, 1, 1, 1, 2, 17)]   // PyTorch 'same', even kernel: the extra zero goes right
    [InlineData(PaddingMode.Same, 0, 19, 3, 1, 2, 2, 2, 19)]
    [InlineData(PaddingMode.Same, 0, 16, 4, 3, 1, 1, 2, 6)]    // Keras: out ⌈16/3⌉ = 6, total 5·3 + 4 − 16 = 3
    [InlineData(PaddingMode.Same, 0, 10, 1, 4, 1, 0, 0, 3)]    // total max(2·4 + 1 − 10, 0) = 0
    [InlineData(PaddingMode.Causal, 0, 19, 3, 1, 4, 8, 0, 19)]
    [InlineData(PaddingMode.Causal, 0, 17, 3, 3, 2, 4, 0, 6)]
    [InlineData(PaddingMode.Valid, 0, 4, 3, 1, 2, 0, 0, 0)]    // receptive field 5 > 4 steps
    public void Geometry_follows_the_padding_definitions(PaddingMode padding, int explicitPadding, int time, int kernel,
        int stride, int dilation, int left, int right, int outputLength)
    {
        var options = new Conv1DOptions(1, 1, kernel, stride, dilation, padding: padding, explicitPadding: explicitPadding);
        Assert.Equal((left, right, outputLength), options.Geometry(time));
    }

    [Fact]
    public void Causal_output_sees_only_its_dilated_taps_into_the_past()
    {
        var layer = new Conv1D("tcn", new Conv1DOptions(2, 3, 3, dilation: 4, padding: PaddingMode.Causal));
        var rng = new Rng(11);
        layer.Initialize(rng);
        using var input = new Tensor(1, 2, 20);
        rng.FillUniform(input.Span, -1f, 1f);
        var before = layer.Forward(input, training: false).ReadOnlySpan.ToArray();
        input[0, 0, 12] += 1f;
        input[0, 1, 12] -= 1f;
        var after = layer.Forward(input, training: false).ReadOnlySpan.ToArray();
        // Output step t reads inputs t, t − 4 and t − 8: only steps 12 and 16 (20 is past the end) see step 12.
        for (int o = 0; o < 3; o++)
            for (int t = 0; t < 20; t++)
                Assert.True((before[o * 20 + t] != after[o * 20 + t]) == (t is 12 or 16), $"channel {o}, step {t}");
    }

    [Fact]
    public void Skipping_the_input_gradient_leaves_parameter_gradients_unchanged()
    {
        var options = new Conv1DOptions(4, 6, 3, dilation: 2, groups: 2, padding: PaddingMode.Causal);
        var full = new Conv1D("conv", options);
        var skipping = new Conv1D("conv", options) { InputGradientRequired = false };
        full.Initialize(new Rng(2));
        skipping.Initialize(new Rng(2));
        using var input = new Tensor(3, 4, 17);
        new Rng(4).FillUniform(input.Span, -1f, 1f);
        using var gradient = new Tensor(full.GetOutputShape(input.Shape));
        new Rng(6).FillUniform(gradient.Span, -1f, 1f);
        foreach (var layer in new[] { full, skipping })
        {
            layer.Forward(input, training: true);
            layer.Backward(gradient);
        }
        for (int i = 0; i < full.Parameters.Count; i++)
            Assert.Equal(full.Parameters[i].Gradient.ReadOnlySpan.ToArray(), skipping.Parameters[i].Gradient.ReadOnlySpan.ToArray());
    }

    [Fact]
    public void Backward_accumulates_parameter_gradients()
    {
        var layer = new Conv1D("conv", new Conv1DOptions(2, 3, 3));
        layer.Initialize(new Rng(1));
        using var input = new Tensor(2, 2, 9);
        new Rng(2).FillUniform(input.Span, -1f, 1f);
        using var gradient = new Tensor(2, 3, 7);
        gradient.Fill(0.5f);
        layer.Forward(input, training: true);
        layer.Backward(gradient);
        var once = layer.Parameters.Select(p => p.Gradient.ReadOnlySpan.ToArray()).ToArray();
        layer.Backward(gradient);
        for (int i = 0; i < once.Length; i++)
            TensorAssert.Close(once[i].Select(v => 2 * v).ToArray(), layer.Parameters[i].Gradient.ReadOnlySpan, 1e-6);
    }

    [Fact]
    public void Backward_after_an_inference_forward_is_refused()
    {
        var layer = new Conv1D("conv", new Conv1DOptions(2, 3, 3));
        using var input = new Tensor(1, 2, 9);
        layer.Forward(input, training: false);
        using var gradient = new Tensor(1, 3, 7);
        var e = Assert.Throws<InvalidOperationException>(() => layer.Backward(gradient));
        Assert.Contains("Conv1D 'conv'", e.Message);
    }

    [Fact]
    public void Parameters_have_pytorch_names_shapes_and_initial_distribution()
    {
        // The reference model's first convolution, and a grouped one whose fan-in is inChannels/groups·kernel.
        var conv = new Conv1D("conv1", new Conv1DOptions(14, 64, 3, padding: PaddingMode.Same));
        var grouped = new Conv1D("conv2", new Conv1DOptions(64, 64, 5, groups: 4));
        var rng = new Rng(42);
        conv.Initialize(rng);
        grouped.Initialize(rng);
        Assert.Equal(["weight", "bias"], conv.Parameters.Select(p => p.Name));
        Assert.Equal(new TensorShape(64, 14, 3), conv.Parameters[0].Shape);
        Assert.Equal(new TensorShape(64), conv.Parameters[1].Shape);
        Assert.Equal(new TensorShape(64, 16, 5), grouped.Parameters[0].Shape);
        LayerChecks.AssertFanInUniform(conv.Parameters[0].Value, 14 * 3, "conv1.weight");
        LayerChecks.AssertFanInUniform(conv.Parameters[1].Value, 14 * 3, "conv1.bias");
        LayerChecks.AssertFanInUniform(grouped.Parameters[0].Value, 16 * 5, "conv2.weight");
        LayerChecks.AssertFanInUniform(grouped.Parameters[1].Value, 16 * 5, "conv2.bias");
        Assert.Equal(["weight"], new Conv1D("c", new Conv1DOptions(2, 2, 3, bias: false)).Parameters.Select(p => p.Name));
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights()
    {
        var a = new Conv1D("conv", new Conv1DOptions(14, 64, 5));
        var b = new Conv1D("conv", new Conv1DOptions(14, 64, 5));
        a.Initialize(new Rng(9));
        b.Initialize(new Rng(9));
        Assert.Equal(a.Parameters[0].Value.ReadOnlySpan.ToArray(), b.Parameters[0].Value.ReadOnlySpan.ToArray());
        Assert.Equal(a.Parameters[1].Value.ReadOnlySpan.ToArray(), b.Parameters[1].Value.ReadOnlySpan.ToArray());
    }

    [Theory]
    [InlineData(PaddingMode.Valid, 0, true, 1, 1)]
    [InlineData(PaddingMode.Same, 0, false, 2, 1)]
    [InlineData(PaddingMode.Causal, 0, true, 1, 4)]
    [InlineData(PaddingMode.Explicit, 3, true, 3, 2)]
    public void Configuration_round_trips(PaddingMode padding, int explicitPadding, bool bias, int stride, int groups)
    {
        var options = new Conv1DOptions(4, 8, 3, stride, dilation: 2, groups, padding, explicitPadding, bias);
        LayerChecks.ConfigRoundTrip(new Conv1D("conv", options), new TensorShape(2, 4, 19));
    }

    [Fact]
    public void Bad_options_name_the_argument_and_the_rule()
    {
        var groups = Assert.Throws<ArgumentException>(() => new Conv1DOptions(30, 64, 3, groups: 4));
        Assert.Equal("groups", groups.ParamName);
        Assert.Contains("inChannels=30 is not divisible by groups=4", groups.Message);
        var outGroups = Assert.Throws<ArgumentException>(() => new Conv1DOptions(8, 6, 3, groups: 4));
        Assert.Contains("outChannels=6 is not divisible by groups=4", outGroups.Message);
        var kernel = Assert.Throws<ArgumentOutOfRangeException>(() => new Conv1DOptions(4, 4, 0));
        Assert.Equal("kernelSize", kernel.ParamName);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv1DOptions(4, 4, 3, stride: 0)).ParamName);
        Assert.Equal("dilation", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv1DOptions(4, 4, 3, dilation: -1)).ParamName);
        Assert.Equal("explicitPadding", Assert.Throws<ArgumentOutOfRangeException>(
            () => new Conv1DOptions(4, 4, 3, padding: PaddingMode.Explicit, explicitPadding: -1)).ParamName);
        var ignored = Assert.Throws<ArgumentException>(() => new Conv1DOptions(4, 4, 3, padding: PaddingMode.Same, explicitPadding: 2));
        Assert.Contains("explicitPadding=2 is given but padding is Same", ignored.Message);
        Assert.Equal("padding", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv1DOptions(4, 4, 3, padding: (PaddingMode)9)).ParamName);
    }

    [Fact]
    public void Bad_input_shapes_name_the_layer_the_shape_and_the_rule()
    {
        var conv2 = new Conv1D("conv2", new Conv1DOptions(32, 64, 5, dilation: 2, groups: 4));
        Assert.Equal("Conv1D 'conv2': input has 30 channels, not divisible by groups=4 (input shape [8, 30, 256]); the layer expects inChannels=32.",
            Assert.Throws<ShapeException>(() => conv2.GetOutputShape(new TensorShape(8, 30, 256))).Message);
        Assert.Equal("Conv1D 'conv2': input has 16 channels, expected inChannels=32 (input shape [8, 16, 256]).",
            Assert.Throws<ShapeException>(() => conv2.GetOutputShape(new TensorShape(8, 16, 256))).Message);
        Assert.Equal("Conv1D 'conv2': time axis of 8 steps is too short for kernel 5 with dilation 2 (receptive field 9 steps, padding 0+0) (input shape [8, 32, 8]).",
            Assert.Throws<ShapeException>(() => conv2.GetOutputShape(new TensorShape(8, 32, 8))).Message);
        Assert.Contains("expected a rank-3 tensor [batch, channels, time], got shape [8, 32]",
            Assert.Throws<ShapeException>(() => conv2.GetOutputShape(new TensorShape(8, 32))).Message);
        using var wrongInput = new Tensor(2, 30, 20);
        Assert.Throws<ShapeException>(() => conv2.Forward(wrongInput, training: true));
    }

    [Fact]
    public void Invalid_options_in_a_configuration_are_reported_with_the_layer()
    {
        var config = new Conv1D("conv", new Conv1DOptions(8, 8, 3)).ToConfig();
        config["options"]!["groups"] = 3;
        var e = Assert.Throws<FormatException>(() => LayerFactory.FromConfig(JsonNode.Parse(config.ToJsonString())!.AsObject()));
        Assert.Contains("Conv1D 'conv': invalid configuration", e.Message);
        Assert.Contains("groups=3", e.Message);
    }

    /// <summary>y[b, o, t] = bias[o] + Σ_c Σ_k w[o, c, k]·x[b, g·C/G + c, t·stride + k·dilation − left], written out.</summary>
    private static Tensor DirectConvolution(Conv1D layer, Tensor input, Conv1DOptions o)
    {
        int batch = input.Shape[0], time = input.Shape[2];
        int span = (o.KernelSize - 1) * o.Dilation + 1;
        (int left, int right) = o.Padding switch
        {
            PaddingMode.Causal => (span - 1, 0),
            PaddingMode.Same => SamePadding(time, span, o.Stride),
            _ => (o.ExplicitPadding, o.ExplicitPadding),
        };
        int outputLength = (time + left + right - span) / o.Stride + 1;
        int inPerGroup = o.InChannels / o.Groups, outPerGroup = o.OutChannels / o.Groups;
        var weight = layer.Parameters[0].Value;
        var output = new Tensor(batch, o.OutChannels, outputLength);
        for (int b = 0; b < batch; b++)
            for (int oc = 0; oc < o.OutChannels; oc++)
                for (int t = 0; t < outputLength; t++)
                {
                    double sum = o.Bias ? layer.Parameters[1].Value[oc] : 0;
                    for (int c = 0; c < inPerGroup; c++)
                        for (int k = 0; k < o.KernelSize; k++)
                        {
                            int position = t * o.Stride + k * o.Dilation - left;
                            if (position >= 0 && position < time)
                                sum += (double)weight[oc, c, k] * input[b, oc / outPerGroup * inPerGroup + c, position];
                        }
                    output[b, oc, t] = (float)sum;
                }
        return output;
    }

    private static (int Left, int Right) SamePadding(int time, int span, int stride)
    {
        int outputLength = (time + stride - 1) / stride;
        int total = Math.Max((outputLength - 1) * stride + span - time, 0);
        return (total / 2, total - total / 2);
    }
}
