using Valence.Eeg.Recordings;
using Valence.Eeg.Synthetic;

namespace Valence.Eeg.Tests.Synthetic;

/// <summary>The settings: DEAP's shape by default, every value checked, and the recordings they produce shaped as promised.</summary>
public class SyntheticDeapOptionsTests
{
    [Fact]
    public void Defaults_have_DEAPs_shape()
    {
        var options = new SyntheticDeapOptions();
        Assert.Equal((32, 40, 60.0, 3.0, 128.0, 512.0), (options.SubjectCount, options.TrialCount, options.TrialSeconds,
            options.BaselineSeconds, options.SampleRate, options.RawSampleRate));
        Assert.Equal(8064, options.SamplesPerTrial);
        Assert.Equal(50, options.MainsFrequency);
    }

    [Theory]
    [InlineData("TrialCount")]
    [InlineData("SubjectCount")]
    [InlineData("TrialSeconds")]
    [InlineData("ValenceAsymmetryDbPerUnit")]
    [InlineData("TrialFingerprintStrength")]
    [InlineData("MainsFrequency")]
    public void Out_of_range_values_are_refused_naming_the_setting(string setting)
    {
        var options = new SyntheticDeapOptions();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = setting switch
        {
            "TrialCount" => options with { TrialCount = 3 },
            "SubjectCount" => options with { SubjectCount = 33 },
            "TrialSeconds" => options with { TrialSeconds = double.NaN },
            "ValenceAsymmetryDbPerUnit" => options with { ValenceAsymmetryDbPerUnit = -1 },
            "TrialFingerprintStrength" => options with { TrialFingerprintStrength = double.PositiveInfinity },
            _ => options with { MainsFrequency = 10 },
        });
        Assert.Equal(setting, e.ParamName);
        Assert.Contains($"SyntheticDeapOptions.{setting} must be between", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeapSessionTimings { BreakSeconds = -1 });
        Assert.Throws<ArgumentNullException>(() => options with { Timings = null! });
    }

    [Fact]
    public void Subjects_outside_the_configured_range_are_refused()
    {
        var generator = new SyntheticDeapGenerator(new SyntheticDeapOptions { SubjectCount = 2, TrialCount = 4, TrialSeconds = 2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.GenerateSubject(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.GenerateSubject(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.ParticipantRatings(3));
    }

    [Fact]
    public void A_recording_has_the_promised_shape_metadata_and_finite_samples()
    {
        var options = new SyntheticDeapOptions { TrialCount = 6, TrialSeconds = 5, Seed = 9 };
        var r = new SyntheticDeapGenerator(options).GenerateSubject(4);
        Assert.Equal((4, 6, 40, 1024), (r.Subject, r.TrialCount, r.ChannelCount, r.SamplesPerTrial));
        Assert.Equal(DeapChannels.Preprocessed, r.ChannelNames);
        Assert.Equal((128.0, 3.0), (r.SampleRate, r.BaselineSeconds));
        Assert.Contains("seed=9", r.Source);
        foreach (float v in r.Samples) Assert.True(float.IsFinite(v));
        // The EEG is re-referenced to the common average: at every sample the 32 channels sum to (nearly) zero.
        for (int n = 0; n < r.SamplesPerTrial; n += 97)
        {
            double sum = 0, magnitude = 0;
            for (int c = 0; c < 32; c++) { sum += r.Channel(0, c)[n]; magnitude += Math.Abs(r.Channel(0, c)[n]); }
            Assert.True(Math.Abs(sum) < 1e-4 * magnitude, $"sample {n}: sum {sum}");
        }
    }
}
