using System.Globalization;
using Valence.Nn.Layers;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

/// <summary>Conv1D, MaxPool1D, AvgPool1D and Dense against PyTorch (tests/goldens/make_conv_pool.py).</summary>
public class ConvPoolGoldenTests
{
    [Theory]
    [InlineData("conv1d_valid")]
    [InlineData("conv1d_explicit2_stride2")]
    [InlineData("conv1d_same_k4")]
    [InlineData("conv1d_same_k3_dilation2")]
    [InlineData("conv1d_same_stride3")]
    [InlineData("conv1d_causal_dilation4")]
    [InlineData("conv1d_causal_stride2_dilation2")]
    [InlineData("conv1d_groups2_nobias")]
    [InlineData("conv1d_depthwise_stride2")]
    [InlineData("conv1d_kernel1")]
    public void Conv1D_matches_pytorch(string name)
    {
        var golden = Golden.Load($"conv_pool_{name}");
        var m = golden.Metadata;
        var options = new Conv1DOptions(Int(m, "in_channels"), Int(m, "out_channels"), Int(m, "kernel_size"),
            stride: Int(m, "stride"), dilation: Int(m, "dilation"), groups: Int(m, "groups"),
            padding: Enum.Parse<PaddingMode>(m["padding"], ignoreCase: true), explicitPadding: Int(m, "explicit_padding"),
            bias: bool.Parse(m["bias"]));
        using var input = golden.Tensor("input");
        var (left, right, _) = options.Geometry(input.Shape[2]);
        Assert.Equal((Int(m, "pad_left"), Int(m, "pad_right")), (left, right));
        LayerChecks.MatchesGolden(new Conv1D("conv", options), golden);
    }

    [Theory]
    [InlineData("maxpool1d_k3_s2_ties")]
    [InlineData("maxpool1d_k2")]
    [InlineData("avgpool1d_k3_s2")]
    [InlineData("avgpool1d_k4")]
    public void Pooling_matches_pytorch(string name)
    {
        var golden = Golden.Load($"conv_pool_{name}");
        var m = golden.Metadata;
        var options = m["stride"].Length == 0
            ? new Pool1DOptions(Int(m, "kernel_size"))
            : new Pool1DOptions(Int(m, "kernel_size"), Int(m, "stride"));
        Layer layer = m["layer"] == "MaxPool1D" ? new MaxPool1D("pool", options) : new AvgPool1D("pool", options);
        Assert.Equal(m["layer"], layer.TypeName);
        LayerChecks.MatchesGolden(layer, golden);
    }

    [Theory]
    [InlineData("dense")]
    [InlineData("dense_nobias")]
    public void Dense_matches_pytorch(string name)
    {
        var golden = Golden.Load($"conv_pool_{name}");
        var m = golden.Metadata;
        var options = new DenseOptions(Int(m, "in_features"), Int(m, "out_features"), bool.Parse(m["bias"]));
        LayerChecks.MatchesGolden(new Dense("fc", options), golden);
    }

    private static int Int(IReadOnlyDictionary<string, string> metadata, string key) =>
        int.Parse(metadata[key], CultureInfo.InvariantCulture);
}
