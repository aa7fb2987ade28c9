using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

public class TcnTests
{
    [Theory]
    [InlineData("tcn_block")]
    [InlineData("tcn_stack_skip")]
    [InlineData("tcn_stack_plain")]
    public void Output_and_gradients_match_PyTorch(string goldenName)
    {
        var golden = Golden.Load(goldenName);
        Layer layer = goldenName switch
        {
            "tcn_block" => new TcnResidualBlock("tcn", new TcnResidualBlockOptions(3, 5, 3, 2)),
            "tcn_stack_skip" => new Tcn("tcn", new TcnOptions(4, 6, 2, [1, 2, 4], useSkipConnections: true, returnSequences: false)),
            _ => new Tcn("tcn", new TcnOptions(6, 6, 3, [1, 2], useSkipConnections: false, returnSequences: true)),
        };
        layer.Initialize(new Rng(0));
        foreach (var (name, p) in layer.StateParameters()) golden.CopyInto(name, p.Value);
        using var input = golden.Tensor("input");
        var output = layer.Forward(input, training: true);
        using var expected = golden.Tensor("output");
        TensorAssert.Close(expected, output, what: "output");

        layer.ZeroGradients();
        using var probe = golden.Tensor("probe");
        var inputGradient = layer.Backward(probe);
        using var expectedInputGradient = golden.Tensor("grad.input");
        TensorAssert.Close(expectedInputGradient, inputGradient, what: "input gradient");
        foreach (var (name, p) in layer.StateParameters())
        {
            using var g = golden.Tensor($"grad.{name}");
            TensorAssert.Close(g, p.Gradient, what: $"gradient of {name}");
        }
    }

    [Theory]
    [InlineData(3, 5, true, false)]
    [InlineData(5, 5, true, true)]
    [InlineData(4, 6, false, false)]
    [InlineData(4, 4, false, true)]
    public void Stack_gradients_match_finite_differences(int inputChannels, int filters, bool skip, bool sequences) =>
        GradientCheck.Layer(new Tcn("tcn", new TcnOptions(inputChannels, filters, 3, [1, 2], useSkipConnections: skip, returnSequences: sequences)),
            new TensorShape(2, inputChannels, 9), epsilon: 1e-3);

    [Fact]
    public void Block_with_same_padding_matches_finite_differences() =>
        GradientCheck.Layer(new TcnResidualBlock("b", new TcnResidualBlockOptions(3, 4, 3, 2, padding: PaddingMode.Same)), new TensorShape(2, 3, 10), epsilon: 1e-3);

    [Fact]
    public void Causal_output_at_a_step_depends_only_on_earlier_input()
    {
        var tcn = new Tcn("tcn", new TcnOptions(2, 4, 3, [1, 2], returnSequences: true));
        tcn.Initialize(new Rng(3));
        using var input = new Tensor(1, 2, 16);
        new Rng(4).FillUniform(input.Span, -1, 1);
        var before = tcn.Forward(input, training: false).Clone();
        input[0, 1, 10] += 1f;
        var after = tcn.Forward(input, training: false);
        for (int c = 0; c < 4; c++)
            for (int t = 0; t < 10; t++)
                Assert.Equal(before[0, c, t], after[0, c, t]);
        Assert.NotEqual(before[0, 0, 15] + before[0, 1, 15] + before[0, 2, 15] + before[0, 3, 15],
            after[0, 0, 15] + after[0, 1, 15] + after[0, 2, 15] + after[0, 3, 15]);
    }

    [Fact]
    public void Defaults_are_keras_tcns_and_the_receptive_field_follows()
    {
        var options = new TcnOptions(14);
        Assert.Equal(64, options.Filters);
        Assert.Equal(3, options.KernelSize);
        Assert.Equal([1, 2, 4, 8, 16, 32], options.Dilations);
        Assert.True(options.UseSkipConnections);
        Assert.Equal(PaddingMode.Causal, options.Padding);
        Assert.Equal(1 + 2 * 2 * 63, options.ReceptiveField);
        var names = new Tcn("tcn", options).StateParameters().Select(p => p.Name).ToList();
        Assert.Contains("block0.downsample.weight", names);
        Assert.DoesNotContain("block1.downsample.weight", names);
        Assert.Contains("block5.conv2.bias", names);
    }

    [Fact]
    public void Config_round_trips_to_an_identical_network()
    {
        var tcn = new Tcn("tcn", new TcnOptions(3, 4, 2, [1, 3], stacks: 2, dropoutRate: 0.1f, returnSequences: true));
        tcn.Initialize(new Rng(1));
        var rebuilt = (Tcn)LayerFactory.FromConfig(tcn.ToConfig());
        Assert.Equal(tcn.ToConfig().ToJsonString(), rebuilt.ToConfig().ToJsonString());
        foreach (var ((_, a), (_, b)) in tcn.StateParameters().Zip(rebuilt.StateParameters())) a.Value.CopyTo(b.Value);
        using var input = new Tensor(2, 3, 8);
        new Rng(2).FillUniform(input.Span, -1, 1);
        Assert.Equal(tcn.Forward(input, false).Span.ToArray(), rebuilt.Forward(input, false).Span.ToArray());
    }

    [Fact]
    public void Bad_settings_are_refused_with_the_reason()
    {
        Assert.Contains("dilations", Assert.Throws<ArgumentException>(() => new TcnOptions(3, dilations: [1, 0])).Message);
        Assert.Throws<ArgumentException>(() => new TcnResidualBlockOptions(3, 4, 3, 1, padding: PaddingMode.Valid));
        Assert.ThrowsAny<ArgumentException>(() => new TcnOptions(3, dropoutRate: 1f));
        Assert.ThrowsAny<ArgumentException>(() => new TcnOptions(0));
    }
}
