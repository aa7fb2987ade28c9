using Valence.Emotion.Models;
using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Serialization;
using Valence.Nn.Tensors;

namespace Valence.Emotion.Tests.Models;

public sealed class EmotionModelFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valence-model-file-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly string[] Channels = ["Fp1", "Fp2", "F3", "F4"];
    private static readonly string[] Classes = ["LVLA", "LVHA", "HVLA", "HVHA"];

    [Fact]
    public void A_saved_model_loads_with_its_weights_spec_names_and_metadata()
    {
        var spec = new ModelSpec("cnn-gru", 4, 64, 128, 4, new CnnRecurrentSettings(filters: 8, hiddenSize: 6, denseUnits: 5));
        var model = spec.Build();
        model.Initialize(new Rng(3));
        string path = Path.Combine(_directory, "m.safetensors");
        var extra = new Dictionary<string, string> { ["normalizer"] = """{"kind":"z-score"}""" };

        EmotionModelFile.Save(path, new EmotionModel(model, spec, Channels, Classes, extra));
        var loaded = EmotionModelFile.Load(path);

        Assert.Equal(spec, loaded.Spec);
        Assert.Equal(Channels, loaded.ChannelNames);
        Assert.Equal(Classes, loaded.ClassNames);
        Assert.Equal(extra, loaded.Metadata);
        AssertSameOutputs(model, loaded.Model, spec);
    }

    [Fact]
    public void A_bandpower_model_loads_with_its_fitted_standardisation()
    {
        var spec = new ModelSpec("bandpower", 4, 256, 128, 4);
        var model = spec.Build();
        model.Initialize(new Rng(4));
        var standardizer = (FeatureStandardizer)model.Children[1];
        using var features = new Tensor(3, 16);
        new Rng(5).FillUniform(features.Span, -3, 7);
        standardizer.BeginFit();
        standardizer.AccumulateFit(features);
        standardizer.EndFit();
        string path = Path.Combine(_directory, "bandpower.safetensors");

        EmotionModelFile.Save(path, new EmotionModel(model, spec, Channels, Classes, new Dictionary<string, string>()));
        var loaded = EmotionModelFile.Load(path);

        var loadedStandardizer = Assert.IsType<FeatureStandardizer>(loaded.Model.Children[1]);
        Assert.Equal(standardizer.Mean.ToArray(), loadedStandardizer.Mean.ToArray());
        Assert.Equal(standardizer.Std.ToArray(), loadedStandardizer.Std.ToArray());
        AssertSameOutputs(model, loaded.Model, spec);
    }

    [Fact]
    public void Saving_refuses_names_that_do_not_match_the_spec_or_a_model_the_spec_does_not_build()
    {
        var spec = new ModelSpec("lstm", 4, 32, 128, 4, new RecurrentSettings(hiddenSize: 4));
        string path = Path.Combine(_directory, "bad.safetensors");
        var noExtra = new Dictionary<string, string>();

        var channels = Assert.Throws<ArgumentException>(() => EmotionModelFile.Save(path, new EmotionModel(spec.Build(), spec, ["Fp1"], Classes, noExtra)));
        Assert.Contains("1 channel names for a model of 4 channels", channels.Message);
        var other = new ModelSpec("gru", 4, 32, 128, 4, new RecurrentSettings(hiddenSize: 4)).Build();
        var architecture = Assert.Throws<ArgumentException>(() => EmotionModelFile.Save(path, new EmotionModel(other, spec, Channels, Classes, noExtra)));
        Assert.Contains("not the one the spec 'lstm' builds", architecture.Message);
        var reserved = Assert.Throws<ArgumentException>(() => EmotionModelFile.Save(path,
            new EmotionModel(spec.Build(), spec, Channels, Classes, new Dictionary<string, string> { ["class_names"] = "[]" })));
        Assert.Contains("'class_names' is reserved", reserved.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_plain_model_file_without_a_spec_is_refused()
    {
        string path = Path.Combine(_directory, "plain.safetensors");
        ModelFile.Save(path, new Sequential("m", new Dense("fc", new DenseOptions(3, 2))));
        var e = Assert.Throws<ModelFormatException>(() => EmotionModelFile.Load(path));
        Assert.Contains("no 'model_spec' entry", e.Message);
        Assert.Contains(path, e.Message);
    }

    private static void AssertSameOutputs(Layer expected, Layer actual, ModelSpec spec)
    {
        using var x = new Tensor(2, spec.Channels, spec.Samples);
        new Rng(9).FillUniform(x.Span, -1, 1);
        var a = expected.Forward(x, training: false).ReadOnlySpan.ToArray();
        var b = actual.Forward(x, training: false).ReadOnlySpan.ToArray();
        Assert.Equal(a, b);
    }
}
