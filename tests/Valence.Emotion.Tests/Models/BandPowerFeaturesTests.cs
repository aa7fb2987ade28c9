using System.Globalization;
using Valence.Emotion.Models;
using Valence.Nn.Layers;
using Valence.Nn.Initialization;
using Valence.Nn.Serialization;
using Valence.Nn.Tensors;

namespace Valence.Emotion.Tests.Models;

public class BandPowerFeaturesTests
{
    [Theory]
    [InlineData("bandpower_deap_2s.safetensors")]
    [InlineData("bandpower_odd_rate.safetensors")]
    public void Features_match_scipy_welch(string file)
    {
        var golden = SafeTensorsFile.Read(Path.Combine(AppContext.BaseDirectory, "goldens", "emotion", file));
        double sampleRate = double.Parse(golden.Metadata["sample_rate"], CultureInfo.InvariantCulture);
        int length = int.Parse(golden.Metadata["segment_length"], CultureInfo.InvariantCulture);
        int step = int.Parse(golden.Metadata["segment_step"], CultureInfo.InvariantCulture);
        var inputEntry = golden["input"];
        using var input = Tensor.FromValues(inputEntry.ToFloat32(), new TensorShape([.. inputEntry.Shape]));
        var layer = new BandPowerFeatures("bp", new BandPowerFeaturesOptions(input.Shape[1], sampleRate, length, step, FrequencyBand.Standard));

        var actual = layer.Forward(input, training: false).ReadOnlySpan.ToArray();

        var expected = golden["features"].ToFloat32();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 * Math.Max(1, Math.Abs(expected[i])),
                $"{file} feature {i}: scipy {expected[i]}, Valence {actual[i]}");
    }

    [Fact]
    public void A_sine_centred_on_a_bin_puts_its_power_amplitude_squared_over_two_in_its_band_alone()
    {
        // 3·sin(2π·10t) at 128 Hz: power 3²/2 = 4.5, all within alpha (the Hann window spreads it over 9–11 Hz).
        const double sampleRate = 128, amplitude = 3;
        using var input = new Tensor(1, 1, 256);
        for (int t = 0; t < 256; t++) input.Span[t] = (float)(amplitude * Math.Sin(2 * Math.PI * 10 * t / sampleRate + 0.3));
        var layer = new BandPowerFeatures("bp", new BandPowerFeaturesOptions(1, sampleRate, 128, 64, FrequencyBand.Standard));

        var features = layer.Forward(input, training: false).ReadOnlySpan.ToArray();

        Assert.Equal(Math.Log(amplitude * amplitude / 2), features[1], 4);
        foreach (int other in new[] { 0, 2, 3 }) Assert.True(features[other] < Math.Log(1e-6), $"band {other}: {features[other]}");
    }

    [Fact]
    public void A_constant_offset_changes_nothing_because_each_segment_is_detrended()
    {
        var layer = new BandPowerFeatures("bp", new BandPowerFeaturesOptions(2, 128, 128, 64, FrequencyBand.Standard));
        using var x = new Tensor(1, 2, 256);
        new Rng(3).FillUniform(x.Span, -1, 1);
        var plain = layer.Forward(x, training: false).ReadOnlySpan.ToArray();
        for (int i = 0; i < x.Length; i++) x.Span[i] += 40f;
        var shifted = layer.Forward(x, training: false).ReadOnlySpan.ToArray();
        for (int i = 0; i < plain.Length; i++) Assert.Equal(plain[i], shifted[i], 2e-3f);
    }

    [Fact]
    public void Input_gradient_matches_central_differences()
    {
        // 40 samples at 64 Hz, 16-sample segments overlapping by 6 (so gradients of overlapping segments add).
        var options = new BandPowerFeaturesOptions(2, 64, 16, 10, [new("low", 4, 12), new("high", 12, 30)]);
        var layer = new BandPowerFeatures("bp", options);
        using var x = new Tensor(2, 2, 40);
        var rng = new Rng(5);
        rng.FillUniform(x.Span, -1, 1);
        using var probe = new Tensor(2, 4);
        rng.FillUniform(probe.Span, -1, 1);

        layer.Forward(x, training: true);
        var analytic = layer.Backward(probe).ReadOnlySpan.ToArray();

        const float h = 1e-2f;
        for (int i = 0; i < x.Length; i++)
        {
            float saved = x.Span[i];
            x.Span[i] = saved + h;
            double plus = Dot(layer.Forward(x, training: false), probe);
            x.Span[i] = saved - h;
            double minus = Dot(layer.Forward(x, training: false), probe);
            x.Span[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 2e-2 * Math.Max(1, Math.Abs(numeric)), $"element {i}: numeric {numeric}, analytic {analytic[i]}");
        }
    }

    [Fact]
    public void Configuration_round_trips_through_the_layer_factory()
    {
        EmotionLayers.EnsureRegistered();
        var layer = new BandPowerFeatures("bp", new BandPowerFeaturesOptions(3, 160, 128, 90, FrequencyBand.Standard));
        var rebuilt = Assert.IsType<BandPowerFeatures>(LayerFactory.FromConfig(layer.ToConfig()));
        Assert.Equal(layer.Options, rebuilt.Options);
        Assert.Equal(layer.ToConfig().ToJsonString(), rebuilt.ToConfig().ToJsonString());
    }

    [Fact]
    public void Refuses_bands_above_nyquist_or_without_a_bin_and_inputs_that_do_not_fit()
    {
        var nyquist = Assert.Throws<ArgumentException>(() => new BandPowerFeaturesOptions(2, 64, 64, 32, FrequencyBand.Standard));
        Assert.Contains("gamma 30–45 Hz", nyquist.Message);
        Assert.Contains("Nyquist frequency 32 Hz", nyquist.Message);

        var coarse = Assert.Throws<ArgumentException>(() => new BandPowerFeaturesOptions(2, 128, 16, 8, [new("narrow", 9, 10)]));
        Assert.Contains("holds no frequency bin at a resolution of 8 Hz", coarse.Message);

        var layer = new BandPowerFeatures("bp", new BandPowerFeaturesOptions(2, 128, 128, 64, FrequencyBand.Standard));
        var channels = Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(4, 3, 256)));
        Assert.Contains("BandPowerFeatures 'bp': input has 3 channels, expected 2", channels.Message);
        var shortInput = Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(4, 2, 100)));
        Assert.Contains("fewer than one Welch segment of 128", shortInput.Message);
    }

    private static double Dot(Tensor a, Tensor b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (double)a.ReadOnlySpan[i] * b.ReadOnlySpan[i];
        return sum;
    }
}
