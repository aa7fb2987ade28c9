using Valence.Emotion.Models;
using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;

namespace Valence.Emotion.Tests.Models;

public class ModelPresetTests
{
    public static TheoryData<string, int> PresetsAndChannels()
    {
        var data = new TheoryData<string, int>();
        foreach (string preset in ModelPresets.Names)
            foreach (int channels in new[] { 14, 32 })
                data.Add(preset, channels);
        return data;
    }

    [Theory]
    [MemberData(nameof(PresetsAndChannels))]
    public void Each_preset_maps_two_second_windows_to_one_logit_per_class(string preset, int channels)
    {
        var spec = new ModelSpec(preset, channels, samples: 256, sampleRate: 128, classes: 4);
        var model = spec.Build();
        model.Initialize(new Rng(1));
        Assert.Equal(new TensorShape(3, 4), model.GetOutputShape(new TensorShape(3, channels, 256)));

        using var x = new Tensor(3, channels, 256);
        new Rng(2).FillUniform(x.Span, -1, 1);
        var logits = model.Forward(x, training: false);
        Assert.Equal(new TensorShape(3, 4), logits.Shape);
        foreach (float v in logits.ReadOnlySpan) Assert.True(float.IsFinite(v));
    }

    [Fact]
    public void Cnn_lstm_defaults_are_the_reference_run_sizes()
    {
        var model = new ModelSpec("cnn-lstm", 14, 256, 128, 4).Build();
        Assert.Equal(["conv", "conv_relu", "pool", "to_time_major", "lstm", "flatten", "fc1", "fc1_relu", "dropout", "fc2"],
            model.Children.Select(l => l.Name));
        Assert.Equal(new Conv1DOptions(14, 64, 5), model.Children[0].Options);
        Assert.Equal(new Pool1DOptions(2), model.Children[2].Options);
        Assert.Equal(new RecurrentOptions(64, 64, returnSequences: true), model.Children[4].Options);
        // 256 − 5 + 1 = 252 steps, pooled to 126, each of 64 units.
        Assert.Equal(new DenseOptions(126 * 64, 64), model.Children[6].Options);
        Assert.Equal(new DropoutOptions(0.5f), model.Children[8].Options);
        Assert.Equal(new DenseOptions(64, 4), model.Children[9].Options);
    }

    [Fact]
    public void Cnn_gru_differs_from_cnn_lstm_only_in_its_recurrent_layer()
    {
        var model = new ModelSpec("cnn-gru", 32, 256, 128, 4).Build();
        var gru = Assert.IsType<GRU>(model.Children[4]);
        Assert.Equal("gru", gru.Name);
        Assert.Equal(new RecurrentOptions(64, 64, returnSequences: true), gru.Options);
    }

    [Fact]
    public void Tcn_defaults_are_keras_tcns_and_see_almost_the_whole_window()
    {
        var model = new ModelSpec("tcn", 14, 256, 128, 4).Build();
        var options = Assert.IsType<TcnOptions>(model.Children[0].Options);
        Assert.Equal((64, 3, 1, 0f, true, false, PaddingMode.Causal), (options.Filters, options.KernelSize, options.Stacks, options.DropoutRate,
            options.UseSkipConnections, options.ReturnSequences, options.Padding));
        Assert.Equal([1, 2, 4, 8, 16, 32], options.Dilations);
        Assert.Equal(253, options.ReceptiveField);
        Assert.Equal(new DenseOptions(64, 4), model.Children[1].Options);
    }

    [Fact]
    public void Plain_recurrent_presets_are_torcheegs_two_layers_of_64_reading_the_last_step()
    {
        var model = new ModelSpec("lstm", 32, 256, 128, 4).Build();
        Assert.Equal(["to_time_major", "lstm", "dropout", "out"], model.Children.Select(l => l.Name));
        Assert.Equal(new RecurrentOptions(32, 64, numLayers: 2, returnSequences: false), model.Children[1].Options);
        Assert.Equal(new DropoutOptions(0.3f), model.Children[2].Options);
        Assert.IsType<GRU>(new ModelSpec("gru", 32, 256, 128, 4).Build().Children[1]);
    }

    [Fact]
    public void Bandpower_reads_four_bands_per_channel_from_three_one_second_segments()
    {
        var model = new ModelSpec("bandpower", 14, 256, 128, 4).Build();
        Assert.Equal(["band_power", "standardize", "linear"], model.Children.Select(l => l.Name));
        var features = Assert.IsType<BandPowerFeaturesOptions>(model.Children[0].Options);
        Assert.Equal((14, 128.0, 128, 64), (features.Channels, features.SampleRate, features.SegmentLength, features.SegmentStep));
        Assert.Equal(FrequencyBand.Standard, features.Bands);
        Assert.Equal(new FeatureStandardizerOptions(56), model.Children[1].Options);
        Assert.Equal(new DenseOptions(56, 4), model.Children[2].Options);
    }

    [Fact]
    public void Bandpower_shortens_segments_to_a_window_shorter_than_a_segment()
    {
        var spec = new ModelSpec("bandpower", 4, 96, 128, 4);
        var features = ((BandPowerSettings)spec.Settings).FeatureOptions(spec);
        Assert.Equal((96, 48), (features.SegmentLength, features.SegmentStep));
    }
}
