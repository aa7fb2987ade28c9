using Valence.Emotion.Models;

namespace Valence.Emotion.Tests.Models;

public class ModelSpecTests
{
    public static TheoryData<ModelSpec> Specs() =>
    [
        new ModelSpec("cnn-lstm", 14, 256, 128, 4, new CnnRecurrentSettings(filters: 32, kernelSize: 7, poolSize: 4, hiddenSize: 48, recurrentLayers: 2, denseUnits: 16, dropout: 0.25f)),
        new ModelSpec("cnn-gru", 32, 384, 128, 2),
        new ModelSpec("tcn", 14, 256, 128, 4, new TcnSettings(filters: 16, kernelSize: 2, dilations: [1, 3, 9], stacks: 2, dropout: 0.1f, useSkipConnections: false)),
        new ModelSpec("lstm", 32, 128, 128, 4, new RecurrentSettings(hiddenSize: 20, layers: 1, dropout: 0)),
        new ModelSpec("gru", 14, 256, 128, 4),
        new ModelSpec("bandpower", 14, 512, 256, 4, new BandPowerSettings([new("alpha", 8, 13), new("beta", 13, 30)], segmentSeconds: 0.5, segmentOverlap: 0.25)),
    ];

    [Theory]
    [MemberData(nameof(Specs))]
    public void Json_round_trips_every_setting(ModelSpec spec)
    {
        string json = spec.ToJson().ToJsonString();
        var read = ModelSpec.FromJson(json);
        Assert.Equal(spec, read);
        Assert.Equal(json, read.ToJson().ToJsonString());
        Assert.Equal(spec.Build().ToConfig().ToJsonString(), read.Build().ToConfig().ToJsonString());
    }

    [Fact]
    public void Json_without_settings_takes_the_defaults_and_partial_settings_fill_in_the_rest()
    {
        var plain = ModelSpec.FromJson("""{"preset":"cnn-gru","channels":14,"samples":256,"sampleRate":128,"classes":4}""");
        Assert.Equal(new CnnRecurrentSettings(), plain.Settings);
        var partial = ModelSpec.FromJson("""{"preset":"cnn-gru","channels":14,"samples":256,"sampleRate":128,"classes":4,"settings":{"hiddenSize":32}}""");
        Assert.Equal(new CnnRecurrentSettings(hiddenSize: 32), partial.Settings);
        var bands = ModelSpec.FromJson("""{"preset":"bandpower","channels":2,"samples":256,"sampleRate":128,"classes":4,"settings":{"bands":[{"name":"alpha","low":8,"high":13}]}}""");
        Assert.Equal([new FrequencyBand("alpha", 8, 13)], ((BandPowerSettings)bands.Settings).Bands);
    }

    [Theory]
    [InlineData("""{"preset":"cnn-lsmt","channels":14,"samples":256,"sampleRate":128,"classes":4}""", "Unknown model preset 'cnn-lsmt'; known presets: cnn-lstm, cnn-gru, tcn, lstm, gru, bandpower")]
    [InlineData("""{"preset":"cnn-lstm","channels":14,"samples":256,"sampleRate":128,"classes":4,"settings":{"hiden":3}}""", "'hiden'")]
    [InlineData("""{"preset":"cnn-lstm","channels":14,"samples":256,"sampleRate":128,"classes":4,"settings":{"hiden":3}}""", "known: filters, kernelSize, poolSize, hiddenSize, recurrentLayers, denseUnits, dropout")]
    [InlineData("""{"preset":"cnn-lstm","channels":14,"samples":256,"sampleRate":128,"classes":4,"settings":{"hiddenSize":0}}""", "hiddenSize must be at least 1; got 0")]
    [InlineData("""{"preset":"gru","channels":14,"samples":256,"sampleRate":128,"classes":4,"settings":{"dropout":1}}""", "dropout is a dropout rate and must be in [0, 1); got 1")]
    [InlineData("""{"preset":"tcn","channels":14,"samples":256,"sampleRate":128,"classes":4,"settings":{"dilations":[]}}""", "dilations must be a non-empty list")]
    [InlineData("""{"preset":"cnn-lstm","samples":256,"sampleRate":128,"classes":4}""", "channels")]
    [InlineData("""{"preset":"cnn-lstm","channels":14,"samples":256,"sampleRate":128,"classes":4,"extra":1}""", "'extra'")]
    [InlineData("""{"preset":"cnn-lstm","channels":14,"samples":5,"sampleRate":128,"classes":4}""", "a window of 5 samples leaves no time step after the convolution (kernelSize 5) and the max-pool (poolSize 2)")]
    [InlineData("""{"preset":"bandpower","channels":14,"samples":256,"sampleRate":64,"classes":4}""", "above the Nyquist frequency 32 Hz")]
    [InlineData("""{"preset":"lstm","channels":14,"samples":256,"sampleRate":128,"classes":1}""", "at least 2 classes")]
    [InlineData("""{"preset":"lstm","channels":14,"samples":256,"sampleRate":-128,"classes":4}""", "sample rate must be a positive")]
    [InlineData("""[1, 2]""", "expected a JSON object")]
    [InlineData("""{"preset":""", "not valid JSON")]
    public void Bad_specs_are_refused_with_a_message_naming_the_problem(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => ModelSpec.FromJson(json));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Settings_of_another_preset_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ModelSpec("cnn-lstm", 14, 256, 128, 4, new TcnSettings()));
        Assert.Contains("Preset 'cnn-lstm' takes CnnRecurrentSettings, not TcnSettings", e.Message);
    }
}
