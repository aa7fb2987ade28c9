using System.Text.Json;
using Valence.Eeg.Preprocessing;
using Valence.Eeg.Preprocessing.Settings;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>Settings round-trip through JSON, have a stable canonical form, and are refused at build time with the setting, value and range named.</summary>
public sealed class PreprocessingSettingsTests
{
    private static readonly PreprocessingSettings EveryStep = new()
    {
        Steps =
        [
            new ResampleSettings { TargetSampleRate = 256 },
            new NotchSettings { FrequencyHz = 60, Quality = 25, Channels = ChannelSet.All },
            new EogRegressionSettings { EogChannels = ["vEOG"], Channels = ChannelSet.Of("Fp1", "Fp2") },
            new HighPassSettings { CutoffHz = 0.5, Order = 2 },
            new LowPassSettings { CutoffHz = 70, Order = 6 },
            new BandPassSettings { LowHz = 8, HighHz = 13, Order = 3 },
            new ReReferenceSettings { Reference = ["T7", "T8"], Channels = ChannelSet.Emotiv14 },
            new CommonAverageReferenceSettings(),
            new BaselineRemovalSettings { Mode = BaselineRemovalMode.ChunkTemplate, ChunkSeconds = 0.5, DropBaseline = false },
            new ChannelSelectionSettings { Channels = ChannelSet.Emotiv14 },
        ],
    };

    private static SignalDescription Deap512 => new(512, DeapChannels.Preprocessed, 512 * 4, 1);

    [Fact]
    public void Settings_are_equal_after_a_round_trip_through_json()
    {
        foreach (PreprocessingSettings settings in new[] { PreprocessingSettings.Deap, EveryStep, new PreprocessingSettings() })
        {
            Assert.Equal(settings, PreprocessingSettings.FromJson(settings.ToJson()));
            Assert.Equal(settings, PreprocessingSettings.FromJson(settings.ToCanonicalJson()));
            Assert.Equal(settings.ToCanonicalJson(), PreprocessingSettings.FromJson(settings.ToJson()).ToCanonicalJson());
        }
        Assert.NotEqual(PreprocessingSettings.Deap, EveryStep);
        Assert.NotEqual(PreprocessingSettings.Deap, PreprocessingSettings.Deap with { Steps = [.. PreprocessingSettings.Deap.Steps.Take(4)] });
    }

    [Fact]
    public void The_canonical_form_is_stable()
    {
        const string expected =
            """{"version":1,"steps":[{"step":"resample","targetSampleRate":128},{"step":"eogRegression","eogChannels":["hEOG","vEOG"],"channels":"eeg32"},""" +
            """{"step":"bandPass","lowHz":4,"highHz":45,"order":4,"channels":"eeg32"},{"step":"commonAverageReference","channels":"eeg32"},""" +
            """{"step":"channelSelection","channels":"eeg32"}]}""";
        Assert.Equal(expected, PreprocessingSettings.Deap.ToCanonicalJson());
        // The same settings written by hand in another order and layout read back to the same canonical text.
        const string handWritten = """
            { "steps": [ { "targetSampleRate": 128.0, "step": "resample" }, { "step": "eogRegression" },
                         { "channels": "EEG32", "order": 4, "step": "bandPass" }, { "step": "commonAverageReference" },
                         { "step": "channelSelection", "channels": "eeg32" } ] }
            """;
        Assert.Equal(expected, PreprocessingSettings.FromJson(handWritten).ToCanonicalJson());
        Assert.Equal(PreprocessingSettings.Deap.CacheKey(), PreprocessingSettings.FromJson(handWritten).CacheKey());
        Assert.Equal(64, PreprocessingSettings.Deap.CacheKey().Length);
        Assert.NotEqual(PreprocessingSettings.Deap.CacheKey(), EveryStep.CacheKey());
    }

    [Theory]
    [InlineData("""{"steps":[{"step":"wavelet"}]}""")]
    [InlineData("""{"steps":[{"step":"bandPass","lowHz":4,"higHz":45}]}""")]
    [InlineData("""{"steps":[{"step":"bandPass","channels":null}]}""")]
    [InlineData("""{"steps":[{"step":"bandPass","channels":7}]}""")]
    [InlineData("""{"steps":[{"step":"baselineRemoval","mode":"median"}]}""")]
    [InlineData("""{"steps":[{"step":"bandPass","order":"4"}]}""")]
    [InlineData("""{"steps":null}""")]
    [InlineData("""[]""")]
    public void Malformed_json_is_refused(string json) => Assert.ThrowsAny<JsonException>(() => PreprocessingSettings.FromJson(json));

    public static TheoryData<PreprocessingSettings, SignalDescription, string> BadSettings => new()
    {
        { One(new BandPassSettings()), new(64, DeapChannels.Eeg), "steps[0] (bandPass).highHz = 45 Hz: 45 Hz must be below Nyquist, 32 Hz for 64 Hz data (valid: above 0 Hz and below 32 Hz)." },
        { new() { Steps = [new ResampleSettings { TargetSampleRate = 64 }, new BandPassSettings()] }, Deap512, "steps[1] (bandPass).highHz = 45 Hz: 45 Hz must be below Nyquist, 32 Hz for 64 Hz data" },
        { One(new BandPassSettings { LowHz = 30, HighHz = 8 }), Deap512, "steps[0] (bandPass).lowHz = 30 Hz: the low edge must be below the high edge, 8 Hz" },
        { One(new BandPassSettings { LowHz = 0 }), Deap512, "steps[0] (bandPass).lowHz = 0 Hz: must be above 0 Hz and below Nyquist, 256 Hz for 512 Hz data" },
        { One(new BandPassSettings { Order = 0 }), Deap512, "steps[0] (bandPass).order = 0: the filter order must be 1 to 32" },
        { One(new HighPassSettings { Order = -1 }), Deap512, "steps[0] (highPass).order = -1: the filter order must be 1 to 32" },
        { One(new LowPassSettings { CutoffHz = 300 }), Deap512, "steps[0] (lowPass).cutoffHz = 300 Hz: 300 Hz must be below Nyquist, 256 Hz for 512 Hz data" },
        { One(new NotchSettings()), new(64, DeapChannels.Eeg), "steps[0] (notch).frequencyHz = 50 Hz: 50 Hz must be below Nyquist, 32 Hz for 64 Hz data" },
        { One(new NotchSettings { Quality = 0 }), Deap512, "steps[0] (notch).quality = 0: the quality factor must be positive and finite (valid: above 0)" },
        { One(new ResampleSettings { TargetSampleRate = 0 }), Deap512, "steps[0] (resample).targetSampleRate = 0 Hz: the sample rate must be positive and finite (valid: above 0 Hz)" },
        { One(new ResampleSettings { TargetSampleRate = -128 }), Deap512, "steps[0] (resample).targetSampleRate = -128 Hz: the sample rate must be positive and finite" },
        { One(new ResampleSettings { TargetSampleRate = Math.PI }), Deap512, "steps[0] (resample).targetSampleRate = 3.142 Hz: 3.142 Hz / 512 Hz is not a ratio up/down of whole numbers up to 1000" },
        { One(new ChannelSelectionSettings { Channels = ChannelSet.Of("Cz", "Fz9") }), Deap512, "steps[0] (channelSelection).channels = [Cz, Fz9]: there is no channel 'Fz9'; the input has: Fp1, AF3," },
        { One(new ChannelSelectionSettings { Channels = ChannelSet.FromPreset("emotiv16") }), Deap512, "steps[0] (channelSelection).channels = \"emotiv16\": there is no such channel preset; the presets are all, eeg32, emotiv14" },
        { new() { Steps = [new ChannelSelectionSettings { Channels = ChannelSet.Emotiv14 }, new CommonAverageReferenceSettings()] }, Deap512, "steps[1] (commonAverageReference).channels = [Fp1, AF3," },
        { One(new EogRegressionSettings()), new(128, DeapChannels.Eeg), "steps[0] (eogRegression).eogChannels = [hEOG, vEOG]: there is no channel 'hEOG'" },
        { One(new ReReferenceSettings { Reference = [] }), Deap512, "steps[0] (reReference).reference = []: at least one channel is needed" },
        { One(new BaselineRemovalSettings { Mode = BaselineRemovalMode.ChunkTemplate, ChunkSeconds = 0.3 }), Deap512, "steps[0] (baselineRemoval).chunkSeconds = 0.3 s: the chunk must be a positive whole number of samples at 512 Hz" },
        { One(new BaselineRemovalSettings()), Deap512 with { BaselineSeconds = 0 }, "steps[0] (baselineRemoval).baselineSeconds = 0 s: the input has no baseline to remove" },
        { new PreprocessingSettings { Version = 2 }, Deap512, "version = 2: only version 1 is understood" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Every_bad_setting_is_refused_at_build_time_naming_setting_value_and_range(PreprocessingSettings settings, SignalDescription input, string message)
    {
        var error = Assert.Throws<InvalidSettingException>(() => settings.Build(input));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Validate_checks_against_a_sample_rate_and_channel_names()
    {
        PreprocessingSettings.Deap.Validate(512, DeapChannels.Preprocessed);
        PreprocessingSettings.Deap.Validate(128, DeapChannels.Preprocessed);
        var error = Assert.Throws<InvalidSettingException>(() => PreprocessingSettings.Deap.Validate(128, DeapChannels.Eeg));
        Assert.Equal("steps[1] (eogRegression).eogChannels", error.Setting);
        Assert.Throws<InvalidSettingException>(() => One(new BandPassSettings { HighHz = 64 }).Validate(128, DeapChannels.Eeg));
    }

    [Fact]
    public void The_deap_pipeline_runs_resample_EOG_band_pass_CAR_and_selection_in_that_order()
    {
        SubjectRecording input = TestRecordings.Deap(trials: 2, samplesPerTrial: 512 * 4, sampleRate: 512, baselineSeconds: 1);
        PreprocessingPipeline pipeline = PreprocessingSettings.Deap.Build(SignalDescription.Of(input));
        Assert.Equal([typeof(ResampleStep), typeof(EogRegressionStep), typeof(SosFilterStep), typeof(CommonAverageReferenceStep), typeof(ChannelSelectionStep)],
            pipeline.Steps.Select(s => s.GetType()));
        SubjectRecording output = pipeline.Apply(input);
        Assert.Equal(128, output.SampleRate);
        Assert.Equal(DeapChannels.Eeg, output.ChannelNames);
        Assert.Equal(512, output.SamplesPerTrial);
        Assert.Equal(pipeline.Output.SamplesPerTrial, output.SamplesPerTrial);
        Assert.Equal(input.Ratings, output.Ratings);
        Assert.Equal(6, output.Source.Split(" | ").Length);
        Assert.Contains("band-pass 4–45 Hz, Butterworth order 4, zero-phase", output.Source);

        // The same as running the steps by hand.
        SubjectRecording byHand = input;
        foreach (IPreprocessingStep step in pipeline.Steps) byHand = step.Apply(byHand);
        Assert.Equal(byHand.Samples.ToArray(), output.Samples.ToArray());

        // A pipeline built from the rate and channels alone gives the same result.
        PreprocessingPipeline loose = PreprocessingSettings.Deap.Build(new SignalDescription(512, DeapChannels.Preprocessed));
        Assert.Equal(output.Samples.ToArray(), loose.Apply(input).Samples.ToArray());
        Assert.Throws<ArgumentException>(() => loose.Apply(TestRecordings.Deap(sampleRate: 256)));
    }

    [Fact]
    public void A_step_kind_is_its_json_discriminator()
    {
        foreach (StepSettings step in EveryStep.Steps)
            Assert.StartsWith($$"""{"step":"{{step.Kind}}" """.TrimEnd(), JsonSerializer.Serialize(step, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    }

    private static PreprocessingSettings One(StepSettings step) => new() { Steps = [step] };
}
