using System.Text.Json.Nodes;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Layers;

public class ActivationNormDropoutConfigTests
{
    public static TheoryData<Layer> Layers() =>
    [
        new ReLU("relu"),
        new LeakyReLU("leaky", new LeakyReLUOptions(0.2f)),
        new ELU("elu", new ELUOptions(0.7f)),
        new GELU("gelu"),
        new GELU("gelu_tanh", new GELUOptions(GeluApproximation.Tanh)),
        new Tanh("tanh"),
        new Sigmoid("sigmoid"),
        new Softmax("softmax"),
        new BatchNorm1D("bn", new BatchNorm1DOptions(16, epsilon: 1e-3f, momentum: 0.01f, affine: false)),
        new Dropout("drop", new DropoutOptions(0.25f)),
        new Dropout("sdrop", new DropoutOptions(0.1f, spatial: true)),
    ];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Config_round_trips_through_the_factory(Layer layer)
    {
        var config = layer.ToConfig();
        var rebuilt = LayerFactory.FromConfig(JsonNode.Parse(config.ToJsonString())!.AsObject());
        Assert.Equal(layer.GetType(), rebuilt.GetType());
        Assert.Equal(layer.Name, rebuilt.Name);
        Assert.Equal(layer.Options, rebuilt.Options);
        Assert.Equal(config.ToJsonString(), rebuilt.ToConfig().ToJsonString());
        Assert.Equal(layer.Parameters.Select(p => (p.Name, p.Shape)), rebuilt.Parameters.Select(p => (p.Name, p.Shape)));
    }

    [Fact]
    public void Options_are_written_in_camel_case_with_enums_as_names()
    {
        Assert.Equal("""{"approximate":"Tanh"}""", new GELU("g", new GELUOptions(GeluApproximation.Tanh)).ToConfig()["options"]!.ToJsonString());
        Assert.Equal("""{"rate":0.25,"spatial":true}""", new Dropout("d", new DropoutOptions(0.25f, true)).ToConfig()["options"]!.ToJsonString());
    }

    [Fact]
    public void Missing_settings_take_PyTorchs_defaults()
    {
        var bn = (BatchNorm1DOptions)Build("BatchNorm1D", """{"numFeatures":8}""").Options;
        Assert.Equal(new BatchNorm1DOptions(8, 1e-5f, 0.1f, true), bn);
        Assert.Equal(new DropoutOptions(0.5f), Build("Dropout", "{}").Options);
        Assert.Equal(new LeakyReLUOptions(0.01f), Build("LeakyReLU", "{}").Options);
    }

    [Theory]
    [InlineData("Dropout", """{"rate":1}""", "[0, 1)")]
    [InlineData("Dropout", """{"rate":-0.5}""", "Rate")]
    [InlineData("BatchNorm1D", """{"numFeatures":0}""", "NumFeatures")]
    [InlineData("BatchNorm1D", """{"numFeatures":4,"momentum":2}""", "Momentum")]
    [InlineData("GELU", """{"approximate":"Sigmoid"}""", "approximate")]
    [InlineData("ELU", """{"alpha":1,"beta":2}""", "beta")]
    public void Bad_options_are_refused_naming_the_layer_and_the_setting(string type, string options, string mentioned)
    {
        var e = Assert.Throws<FormatException>(() => Build(type, options));
        Assert.Contains($"{type} 'layer'", e.Message);
        Assert.Contains(mentioned, e.Message);
    }

    [Fact]
    public void A_model_of_these_layers_round_trips_and_names_its_buffers_as_PyTorch()
    {
        var model = new Sequential("model",
            new BatchNorm1D("bn", new BatchNorm1DOptions(4)),
            new ReLU("relu"),
            new Dropout("drop", new DropoutOptions(0.2f, spatial: true)));
        var rebuilt = (Sequential)LayerFactory.FromConfig(model.ToConfig());
        Assert.Equal(model.ToConfig().ToJsonString(), rebuilt.ToConfig().ToJsonString());
        Assert.Equal(["bn.weight", "bn.bias"], rebuilt.StateParameters().Select(p => p.Name));
        Assert.Equal(["bn.running_mean", "bn.running_var"], rebuilt.StateBuffers().Select(b => b.Name));
        Assert.Equal(new TensorShape(2, 4, 9), rebuilt.GetOutputShape(new TensorShape(2, 4, 9)));
    }

    private static Layer Build(string type, string options) =>
        LayerFactory.FromConfig(new JsonObject { ["type"] = type, ["name"] = "layer", ["options"] = JsonNode.Parse(options) });
}
