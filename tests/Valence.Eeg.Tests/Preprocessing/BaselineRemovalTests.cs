using Valence.Eeg.Preprocessing;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>Baseline removal: the trial-mean form subtracts exactly the baseline mean; the chunk-template form equals TorchEEG's per-window subtraction.</summary>
public sealed class BaselineRemovalTests
{
    [Fact]
    public void Trial_mean_subtracts_exactly_the_baseline_mean_and_can_keep_the_baseline()
    {
        SubjectRecording input = TestRecordings.Deap(trials: 3, samplesPerTrial: 512, baselineSeconds: 1);
        var step = new BaselineRemovalStep(SignalDescription.Of(input), BaselineRemovalMode.TrialMean, DeapChannels.Eeg, dropBaseline: false);
        SubjectRecording output = step.Apply(input);
        Assert.Equal(512, output.SamplesPerTrial);
        Assert.Equal(1.0, output.BaselineSeconds);
        for (int trial = 0; trial < 3; trial++)
            for (int c = 0; c < 40; c++)
            {
                ReadOnlySpan<float> before = input.Channel(trial, c), after = output.Channel(trial, c);
                double mean = 0;
                for (int t = 0; t < 128; t++) mean += before[t];
                mean /= 128;
                for (int t = 0; t < 512; t++) Assert.Equal(c < 32 ? (float)(before[t] - mean) : before[t], after[t]);
            }
    }

    [Fact]
    public void Dropping_the_baseline_leaves_the_stimulus_period_only()
    {
        SubjectRecording input = TestRecordings.Deap(trials: 2, samplesPerTrial: 512, baselineSeconds: 1);
        var step = new BaselineRemovalStep(SignalDescription.Of(input), BaselineRemovalMode.TrialMean, DeapChannels.Eeg);
        SubjectRecording output = step.Apply(input);
        Assert.Equal(384, output.SamplesPerTrial);
        Assert.Equal(0.0, output.BaselineSeconds);
        Assert.Equal(step.Output.SamplesPerTrial, output.SamplesPerTrial);
        Assert.Equal(input.Channel(1, 35)[128..].ToArray(), output.Channel(1, 35).ToArray());
    }

    [Fact]
    public void Chunk_template_equals_torcheeg_subtracting_the_mean_baseline_chunk_from_each_window()
    {
        // DEAP's layout in miniature: 3 baseline chunks of W samples, then 5 windows of W.
        const int w = 32;
        SubjectRecording input = TestRecordings.Deap(trials: 2, samplesPerTrial: 8 * w, sampleRate: w, baselineSeconds: 3);
        var step = new BaselineRemovalStep(SignalDescription.Of(input), BaselineRemovalMode.ChunkTemplate, DeapChannels.Eeg, chunkSeconds: 1);
        SubjectRecording output = step.Apply(input);
        Assert.Equal(5 * w, output.SamplesPerTrial);
        for (int trial = 0; trial < 2; trial++)
            for (int c = 0; c < 32; c++)
            {
                float[] x = input.Channel(trial, c).ToArray();
                // TorchEEG: baseline.reshape(channels, 3, W).mean(axis=1), then eeg − baseline for each window.
                double[] template = Enumerable.Range(0, w).Select(j => (x[j] + (double)x[w + j] + x[2 * w + j]) / 3).ToArray();
                for (int window = 0; window < 5; window++)
                    for (int j = 0; j < w; j++)
                        Assert.Equal((float)(x[(3 + window) * w + j] - template[j]), output.Channel(trial, c)[window * w + j]);
            }
    }

    [Fact]
    public void Baselines_that_do_not_fit_are_refused_by_setting()
    {
        SignalDescription noBaseline = SignalDescription.Of(TestRecordings.Deap(baselineSeconds: 0));
        Assert.Contains("no baseline", Assert.Throws<InvalidSettingException>(() =>
            new BaselineRemovalStep(noBaseline, BaselineRemovalMode.TrialMean, DeapChannels.Eeg)).Message);
        SignalDescription deap = SignalDescription.Of(TestRecordings.Deap(samplesPerTrial: 640, baselineSeconds: 3));
        var error = Assert.Throws<InvalidSettingException>(() => new BaselineRemovalStep(deap, BaselineRemovalMode.ChunkTemplate, DeapChannels.Eeg, chunkSeconds: 2));
        Assert.Equal("chunkSeconds", error.Setting);
        Assert.Contains("not a whole number of 256-sample chunks", error.Message);
        Assert.Throws<InvalidSettingException>(() => new BaselineRemovalStep(deap, BaselineRemovalMode.ChunkTemplate, DeapChannels.Eeg, chunkSeconds: 0));
        Assert.Throws<InvalidSettingException>(() => new BaselineRemovalStep(deap, (BaselineRemovalMode)7, DeapChannels.Eeg));
    }
}
