using Valence.Emotion.Models;
using Valence.Emotion.Training;
using Valence.Nn.Losses;

namespace Valence.Emotion.Tests.Training;

public class EarlyStoppingTests
{
    [Fact]
    public void Stops_after_patience_epochs_without_improvement_and_returns_the_best_epochs_weights()
    {
        // Random labels: the model can only memorise its 48 training windows, so the validation loss soon rises.
        var windows = AlphaAsymmetryWindows.Create(96, samples: 64, seed: 5);
        var shuffled = new InMemoryWindows(Samples(windows), RandomLabels(96), 4, 64, 4);
        var data = new TrainingData(shuffled, AlphaAsymmetryWindows.Range(0, 48), AlphaAsymmetryWindows.Range(48, 48));
        var spec = new ModelSpec("cnn-lstm", 4, 64, AlphaAsymmetryWindows.SampleRate, 4,
            new CnnRecurrentSettings(filters: 16, kernelSize: 5, poolSize: 2, hiddenSize: 16, denseUnits: 32, dropout: 0));
        var settings = new TrainingSettings { Epochs = 40, BatchSize = 16, LearningRate = 1e-2, Seed = 2, EarlyStopping = new EarlyStoppingSettings(patience: 3) };

        var result = new Trainer(settings).Train(spec.Build(), data);

        Assert.True(result.StoppedEarly);
        int best = result.BestEpoch!.Value;
        Assert.Equal(best + 3, result.History.Count);
        Assert.True(result.History[best - 1].IsBest);
        Assert.All(result.History.Skip(best), h => Assert.False(h.IsBest));
        Assert.Equal(result.History.Min(h => h.ValidationLoss), result.History[best - 1].ValidationLoss);
        // The returned model is the best epoch's: its validation loss, computed as the trainer computes it, is that epoch's exactly.
        using var loader = new BatchLoader(shuffled, settings.BatchSize);
        var totals = Trainer.Evaluate(result.Model, loader, new SoftmaxCrossEntropy(), [], data.ValidationIndices, CancellationToken.None);
        Assert.Equal(result.History[best - 1].ValidationLoss, totals.Loss);
        Assert.NotEqual(result.History[^1].ValidationLoss, totals.Loss);
    }

    [Fact]
    public void Early_stopping_without_validation_windows_is_refused()
    {
        var windows = AlphaAsymmetryWindows.Create(16, samples: 64);
        var spec = new ModelSpec("bandpower", 4, 64, AlphaAsymmetryWindows.SampleRate, 4);
        var trainer = new Trainer(new TrainingSettings { EarlyStopping = new EarlyStoppingSettings(patience: 2) });
        var e = Assert.Throws<ArgumentException>(() => trainer.Train(spec.Build(), new TrainingData(windows, AlphaAsymmetryWindows.Range(0, 16))));
        Assert.Contains("no validation windows", e.Message);
    }

    private static float[] Samples(InMemoryWindows windows)
    {
        var samples = new float[windows.Count * windows.Channels * windows.Samples];
        windows.CopyBatch(AlphaAsymmetryWindows.Range(0, windows.Count), samples);
        return samples;
    }

    private static int[] RandomLabels(int count)
    {
        var rng = new Valence.Nn.Initialization.Rng(17);
        return Enumerable.Range(0, count).Select(_ => rng.NextInt(4)).ToArray();
    }
}
