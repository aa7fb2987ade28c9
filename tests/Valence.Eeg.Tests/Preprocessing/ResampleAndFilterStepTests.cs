using Valence.Eeg.Preprocessing;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>The resampling and filtering steps apply their kernels to the right rows and describe their output.</summary>
public sealed class ResampleAndFilterStepTests
{
    [Fact]
    public void Resampling_512_to_128_Hz_runs_every_row_through_resample_poly_and_updates_the_rate()
    {
        SubjectRecording input = TestRecordings.Deap(trials: 2, samplesPerTrial: 2 * 512 + 3, sampleRate: 512, baselineSeconds: 0.5);
        var step = new ResampleStep(SignalDescription.Of(input), 128);
        SubjectRecording output = step.Apply(input);
        var resampler = new PolyphaseResampler(1, 4);
        Assert.Equal(128, output.SampleRate);
        Assert.Equal(resampler.OutputLength(1027), output.SamplesPerTrial);
        Assert.Equal(step.Output.SamplesPerTrial, output.SamplesPerTrial);
        Assert.Equal(0.5, output.BaselineSeconds);
        var expected = new float[output.SamplesPerTrial];
        resampler.Resample(input.Channel(1, 39), expected);
        Assert.Equal(expected, output.Channel(1, 39).ToArray());
        Assert.Contains("resample 512 Hz → 128 Hz (×1/4", output.Source);
    }

    [Fact]
    public void Resampling_to_the_rate_the_data_has_changes_nothing()
    {
        SubjectRecording input = TestRecordings.Deap();
        Assert.Same(input, new ResampleStep(SignalDescription.Of(input), 128).Apply(input));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-128.0)]
    [InlineData(double.NaN)]
    [InlineData(127.77777)]
    public void Impossible_target_rates_are_refused(double target)
    {
        var error = Assert.Throws<InvalidSettingException>(() => new ResampleStep(SignalDescription.Of(TestRecordings.Deap()), target));
        Assert.Equal("targetSampleRate", error.Setting);
    }

    [Fact]
    public void The_filter_step_filters_the_chosen_channels_of_every_trial_and_no_others()
    {
        SubjectRecording input = TestRecordings.Deap(trials: 3);
        SecondOrderSections sos = ButterworthDesign.BandPass(4, 4, 45, 128);
        SubjectRecording output = new SosFilterStep(SignalDescription.Of(input), sos, "band-pass", DeapChannels.Eeg).Apply(input);
        var expected = new float[input.SamplesPerTrial];
        for (int trial = 0; trial < 3; trial++)
        {
            ZeroPhaseSosFilter.Apply(sos, input.Channel(trial, 31), expected);
            Assert.Equal(expected, output.Channel(trial, 31).ToArray());
            Assert.Equal(input.Channel(trial, 33).ToArray(), output.Channel(trial, 33).ToArray());
        }
    }

    [Fact]
    public void Trials_too_short_for_the_filter_are_refused_when_the_step_is_built()
    {
        SignalDescription shortTrials = SignalDescription.Of(TestRecordings.Deap(samplesPerTrial: 27, baselineSeconds: 0));
        var error = Assert.Throws<InvalidSettingException>(() =>
            new SosFilterStep(shortTrials, ButterworthDesign.BandPass(4, 4, 45, 128), "band-pass", DeapChannels.Eeg));
        Assert.Contains("padding of 27 samples", error.Message);
    }
}
