using Valence.Emotion.Models;
using Valence.Emotion.Training;
using Valence.Nn.Layers;

namespace Valence.Emotion.Tests.Training;

public sealed class TrainerCheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valence-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly InMemoryWindows Windows = AlphaAsymmetryWindows.Create(230, samples: 64, seed: 3);

    // 190 training windows in batches of 16 (11 full batches and one of 14), 40 for validation.
    private static TrainingData Data() => new(Windows, AlphaAsymmetryWindows.Range(0, 190), AlphaAsymmetryWindows.Range(190, 40));

    private static ModelSpec Spec() =>
        new("cnn-gru", 4, 64, AlphaAsymmetryWindows.SampleRate, 4, new CnnRecurrentSettings(filters: 8, kernelSize: 5, poolSize: 4, hiddenSize: 8, denseUnits: 12, dropout: 0.3f));

    /// <summary>
    /// Everything that has state worth checkpointing: dropout, Adam's moments, a plateau schedule, clipping, balanced
    /// weights, early stopping with best weights. With these the validation loss worsens in epochs 3 and 6 (so the
    /// rate halves after them and the best epoch, 5, is not the last): cancelling in epoch 4 resumes from a
    /// checkpoint with a bad-epoch count and best weights older than the model's.
    /// </summary>
    private static TrainingSettings Settings() => new()
    {
        Epochs = 6,
        BatchSize = 16,
        LearningRate = 5e-2,
        Seed = 11,
        Schedule = new PlateauSchedule(factor: 0.5, patience: 0),
        GradientClipNorm = 1.0,
        ClassWeights = new BalancedClassWeights(),
        EarlyStopping = new EarlyStoppingSettings(patience: 3),
    };

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    public void A_run_cancelled_mid_epoch_and_resumed_ends_with_the_same_weights_bit_for_bit(int cancelledEpoch)
    {
        string wholePath = Path.Combine(_directory, "whole.ckpt");
        var uninterrupted = new Trainer(Settings()) { CheckpointPath = wholePath }.Train(Spec().Build(), Data());

        string path = Path.Combine(_directory, "interrupted.ckpt");
        using var cancellation = new CancellationTokenSource();
        var cancelMidEpoch = new SynchronousProgress<BatchReport>(r =>
        {
            if (r.Epoch == cancelledEpoch && r.Batch == 5) cancellation.Cancel();
        });
        var first = new Trainer(Settings()) { CheckpointPath = path, BatchProgress = cancelMidEpoch };
        Assert.ThrowsAny<OperationCanceledException>(() => first.Train(Spec().Build(), Data(), cancellation.Token));
        Assert.Equal(cancelledEpoch - 1, TrainingCheckpoint.Read(path).CompletedEpochs);

        var resumed = new Trainer(Settings()) { CheckpointPath = path }.Resume(Data());

        Assert.Equal(Weights(uninterrupted.Model), Weights(resumed.Model));
        Assert.Equal(uninterrupted.BestEpoch, resumed.BestEpoch);
        Assert.Equal(Curves(uninterrupted.History), Curves(resumed.History));
        // The run's state at the end is the same too: optimiser steps and moments, schedule, early stopping, weights.
        var whole = TrainingCheckpoint.Read(wholePath);
        var continued = TrainingCheckpoint.Read(path);
        Assert.Equal(Comparable(whole.State), Comparable(continued.State));
        var (wholeNames, wholeValues) = Tensors(wholePath);
        var (names, values) = Tensors(path);
        Assert.Equal(wholeNames, names);
        Assert.Equal(wholeValues, values);
        // The plateau schedule lowered the rate, and the best epoch was not the last, so both mattered.
        Assert.True(whole.State.LearningRate < Settings().LearningRate);
        Assert.True(uninterrupted.BestEpoch < uninterrupted.History.Count);
    }

    [Fact]
    public void A_resumed_bandpower_run_keeps_its_fitted_standardisation()
    {
        var spec = new ModelSpec("bandpower", 4, 64, AlphaAsymmetryWindows.SampleRate, 4, new BandPowerSettings(segmentSeconds: 0.25));
        var settings = new TrainingSettings { Epochs = 3, BatchSize = 16, LearningRate = 1e-2, Optimizer = OptimizerKind.Sgd, Schedule = new StepSchedule(1, 0.5) };
        var uninterrupted = new Trainer(settings).Train(spec.Build(), Data());

        string path = Path.Combine(_directory, "bandpower.ckpt");
        using var cancellation = new CancellationTokenSource();
        var cancel = new SynchronousProgress<BatchReport>(r =>
        {
            if (r.Epoch == 2 && r.Batch == 3) cancellation.Cancel();
        });
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new Trainer(settings) { CheckpointPath = path, BatchProgress = cancel }.Train(spec.Build(), Data(), cancellation.Token));
        var resumed = new Trainer(settings) { CheckpointPath = path }.Resume(Data());

        Assert.Equal(Weights(uninterrupted.Model), Weights(resumed.Model));
        var expected = (FeatureStandardizer)uninterrupted.Model.Children[1];
        var actual = (FeatureStandardizer)resumed.Model.Children[1];
        Assert.Equal(expected.Mean.ToArray(), actual.Mean.ToArray());
        Assert.Equal(expected.Std.ToArray(), actual.Std.ToArray());
        Assert.NotEqual(0f, actual.Mean[0]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_model_and_another_seed_another()
    {
        var settings = Settings() with { Epochs = 2 };
        var a = new Trainer(settings).Train(Spec().Build(), Data());
        var b = new Trainer(settings).Train(Spec().Build(), Data());
        var c = new Trainer(settings with { Seed = 12 }).Train(Spec().Build(), Data());
        Assert.Equal(Weights(a.Model), Weights(b.Model));
        Assert.NotEqual(Weights(a.Model), Weights(c.Model));
    }

    [Fact]
    public void Checkpoints_are_replaced_atomically_and_leave_no_temporary_file()
    {
        var written = new List<string[]>();
        string path = Path.Combine(_directory, "run.ckpt");
        var trainer = new Trainer(Settings() with { Epochs = 3 })
        {
            CheckpointPath = path,
            EpochProgress = new SynchronousProgress<EpochReport>(_ => written.Add(Directory.GetFiles(_directory).Select(Path.GetFileName).ToArray()!)),
        };
        trainer.Train(Spec().Build(), Data());

        Assert.Equal(3, written.Count);
        Assert.All(written, files => Assert.Equal(["run.ckpt"], files));
        var checkpoint = TrainingCheckpoint.Read(path);
        Assert.Equal(3, checkpoint.CompletedEpochs);
        Assert.True(checkpoint.Finished);
        Assert.Equal([1, 2, 3], checkpoint.History.Select(h => h.Epoch));
    }

    [Fact]
    public void A_damaged_or_foreign_checkpoint_is_refused_with_a_clear_error()
    {
        string path = Path.Combine(_directory, "run.ckpt");
        new Trainer(Settings() with { Epochs = 1 }) { CheckpointPath = path }.Train(Spec().Build(), Data());
        var bytes = File.ReadAllBytes(path);

        string flipped = Path.Combine(_directory, "flipped.ckpt");
        var damaged = (byte[])bytes.Clone();
        damaged[^100] ^= 0x10;
        File.WriteAllBytes(flipped, damaged);
        var checksum = Assert.Throws<CheckpointFormatException>(() => TrainingCheckpoint.Read(flipped));
        Assert.Contains(flipped, checksum.Message);
        Assert.Contains("the checksum does not match the contents", checksum.Message);

        string truncated = Path.Combine(_directory, "truncated.ckpt");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var shortFile = Assert.Throws<CheckpointFormatException>(() => new Trainer(Settings() with { Epochs = 1 }) { CheckpointPath = truncated }.Resume(Data()));
        Assert.Contains("not a readable safetensors file", shortFile.Message);

        string model = Path.Combine(_directory, "model.safetensors");
        var spec = Spec();
        EmotionModelFile.Save(model, new EmotionModel(spec.Build(), spec, ["a", "b", "c", "d"], ["0", "1", "2", "3"], new Dictionary<string, string>()));
        var foreign = Assert.Throws<CheckpointFormatException>(() => TrainingCheckpoint.Read(model));
        Assert.Contains("not a Valence training checkpoint", foreign.Message);
    }

    [Fact]
    public void Resuming_with_other_settings_or_another_split_is_refused()
    {
        string path = Path.Combine(_directory, "run.ckpt");
        new Trainer(Settings() with { Epochs = 1 }) { CheckpointPath = path }.Train(Spec().Build(), Data());

        var settings = Assert.Throws<ArgumentException>(() => new Trainer(Settings() with { Epochs = 1, Seed = 99 }) { CheckpointPath = path }.Resume(Data()));
        Assert.Contains("was written with other training settings", settings.Message);
        var otherSplit = new TrainingData(Windows, AlphaAsymmetryWindows.Range(0, 180), AlphaAsymmetryWindows.Range(190, 40));
        var split = Assert.Throws<ArgumentException>(() => new Trainer(Settings() with { Epochs = 1 }) { CheckpointPath = path }.Resume(otherSplit));
        Assert.Contains("was written for another training split", split.Message);
    }

    [Fact]
    public void Resuming_a_finished_run_returns_its_result()
    {
        string path = Path.Combine(_directory, "run.ckpt");
        var settings = Settings() with { Epochs = 2 };
        var trained = new Trainer(settings) { CheckpointPath = path }.Train(Spec().Build(), Data());
        var again = new Trainer(settings) { CheckpointPath = path }.Resume(Data());
        Assert.Equal(Weights(trained.Model), Weights(again.Model));
        Assert.Equal(2, again.History.Count);
    }

    private static string Comparable(CheckpointState state) =>
        System.Text.Json.JsonSerializer.Serialize(state with { Elapsed = TimeSpan.Zero, History = [] }) + string.Join(";", Curves(state.History));

    private static (string[] Names, float[] Values) Tensors(string path)
    {
        var tensors = Valence.Nn.Serialization.SafeTensorsFile.Read(path).Tensors;
        return (tensors.Select(t => t.Name).ToArray(), tensors.SelectMany(t => t.ToFloat32()).ToArray());
    }

    private static float[] Weights(Layer model) =>
        model.StateParameters().SelectMany(p => p.Parameter.Value.ReadOnlySpan.ToArray()).ToArray();

    private static (double, double, double?, double?, double, bool)[] Curves(IEnumerable<EpochReport> history) =>
        history.Select(h => (h.TrainLoss, h.TrainAccuracy, h.ValidationLoss, h.ValidationAccuracy, h.LearningRate, h.IsBest)).ToArray();
}
