using System.Diagnostics;
using System.Text.Json;
using Valence.Emotion.Serialization;
using Valence.Nn.Layers;
using Valence.Nn.Losses;
using Valence.Nn.Optimizers;
using Valence.Nn.Tensors;

namespace Valence.Emotion.Training;

/// <summary>
/// Trains a model on labelled windows: mini-batches in a seeded order every epoch, softmax cross-entropy on the
/// logits (optionally class-weighted), an optimiser with optional gradient clipping and learning-rate schedule,
/// validation after every epoch, early stopping, and a checkpoint after every epoch from which an interrupted run
/// resumes to exactly the same model.
/// </summary>
/// <remarks>
/// <para>Determinism: the same model spec, settings (seed included) and data give the same model bit for bit, whether
/// the run was interrupted and resumed or not. Every random choice derives from the seed and the epoch number (the
/// initial weights, each epoch's order, each epoch's dropout masks), so there is no hidden generator state to lose.
/// Results can differ in the last bits between machines whose GEMM kernels differ (see Valence.Nn's Gemm).</para>
/// <para>A training step in steady state allocates nothing: batches are copied into buffers made once, the model's
/// layers reuse their tensors, the first layer computes no input gradient, and per-step progress is a struct.</para>
/// <para>Cancellation is checked before every batch. A cancelled run throws <see cref="OperationCanceledException"/>;
/// the checkpoint on disk is still the last completed epoch's, and <see cref="Resume"/> continues from it.</para>
/// </remarks>
public sealed class Trainer
{
    /// <summary>Creates a trainer with <paramref name="settings"/>.</summary>
    public Trainer(TrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
    }

    /// <summary>How the trainer trains.</summary>
    public TrainingSettings Settings { get; }

    /// <summary>Where the checkpoint is written after every epoch (replacing the previous one atomically); null for none.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Receives a report after every epoch, once its checkpoint is written.</summary>
    public IProgress<EpochReport>? EpochProgress { get; init; }

    /// <summary>Receives a report after every training step, for progress bars; it should not allocate if the step is to stay allocation-free.</summary>
    public IProgress<BatchReport>? BatchProgress { get; init; }

    /// <summary>
    /// Trains <paramref name="model"/> from scratch: initialises its weights from the seed, fits its data-fitted layers
    /// (feature standardisation) to the training windows, then runs the epochs.
    /// </summary>
    /// <exception cref="ArgumentException">The model does not fit the data, or the settings need something the data lacks (early stopping without validation windows, balanced weights with a class missing).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the checkpoint holds the last completed epoch.</exception>
    /// <exception cref="InvalidOperationException">The loss became NaN or infinite (training diverged).</exception>
    public TrainingResult Train(Sequential model, TrainingData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        using var run = TrainingRun.Start(Settings, model, data, cancellationToken);
        return Run(run, cancellationToken);
    }

    /// <summary>
    /// Continues the run saved at <see cref="CheckpointPath"/> on the same <paramref name="data"/> and returns what
    /// the uninterrupted run would have returned; a finished run's checkpoint just gives its result.
    /// </summary>
    /// <exception cref="InvalidOperationException">No checkpoint path is set.</exception>
    /// <exception cref="CheckpointFormatException">The checkpoint is damaged or not of this version.</exception>
    /// <exception cref="ArgumentException">The checkpoint was written with other settings or for another split.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public TrainingResult Resume(TrainingData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        string path = CheckpointPath ?? throw new InvalidOperationException("Resume reads the checkpoint at CheckpointPath; set it to the interrupted run's checkpoint.");
        var checkpoint = TrainingCheckpoint.Read(path);
        string expected = JsonSerializer.Serialize(checkpoint.Settings, EmotionJson.Options);
        string actual = JsonSerializer.Serialize(Settings, EmotionJson.Options);
        if (expected != actual)
            throw new ArgumentException(
                $"Checkpoint '{path}' was written with other training settings, so resuming with these would not continue the same run. Checkpoint: {expected}; this trainer: {actual}.",
                nameof(data));
        using var run = TrainingRun.Resume(Settings, checkpoint, data);
        return Run(run, cancellationToken);
    }

    private TrainingResult Run(TrainingRun run, CancellationToken cancellationToken)
    {
        while (!run.Finished)
        {
            var report = RunEpoch(run, cancellationToken);
            if (CheckpointPath is not null) TrainingCheckpoint.Write(CheckpointPath, run);
            EpochProgress?.Report(report);
        }
        return run.Result();
    }

    private EpochReport RunEpoch(TrainingRun run, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        int epoch = run.CompletedEpochs + 1;
        EpochRandomness.Order(run.Data.TrainIndices, run.Order, Settings.Seed, epoch - 1, Settings.Shuffle);
        EpochRandomness.ReseedLayers(run.Model, Settings.Seed, epoch - 1);
        double learningRate = run.Optimizer.LearningRate;

        var training = TrainEpoch(run, epoch, cancellationToken);
        double trainSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        LossTotals? validation = run.Data.ValidationIndices.Count == 0 ? null
            : Evaluate(run.Model, run.Loader, run.Loss, run.ClassWeights, run.Data.ValidationIndices, cancellationToken);

        bool isBest = validation is { } v && run.ObserveValidationLoss(v.Loss, epoch);
        run.Schedule?.Step(validation?.Loss ?? training.Loss);
        run.CompletedEpochs = epoch;
        var epochTime = Stopwatch.GetElapsedTime(start);
        run.Elapsed += epochTime;
        var report = new EpochReport(epoch, training.Loss, training.Accuracy, validation?.Loss, validation?.Accuracy, learningRate,
            training.Count / Math.Max(trainSeconds, 1e-9), epochTime, run.Elapsed, isBest);
        run.History.Add(report);
        return report;
    }

    private LossTotals TrainEpoch(TrainingRun run, int epoch, CancellationToken cancellationToken)
    {
        var totals = new LossTotals();
        int batchSize = Settings.BatchSize, count = run.Order.Length;
        int batches = (count + batchSize - 1) / batchSize;
        for (int b = 0; b < batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int start = b * batchSize;
            run.Loader.Load(run.Order.AsSpan(start, Math.Min(batchSize, count - start)));
            double loss = Step(run, out var logits);
            if (!double.IsFinite(loss))
                throw new InvalidOperationException(
                    $"Training diverged: epoch {epoch}, step {b + 1} of {batches} had loss {loss}. Lower the learning rate ({run.Optimizer.LearningRate}) or clip the gradients.");
            totals.Add(loss, logits, run.Loader.Labels, run.ClassWeights);
            BatchProgress?.Report(new BatchReport(epoch, b + 1, batches, loss));
        }
        return totals;
    }

    // One optimisation step on the loaded batch; returns the batch's loss and the logits it was computed from.
    private double Step(TrainingRun run, out Tensor logits)
    {
        run.Optimizer.ZeroGrad();
        logits = run.Model.Forward(run.Loader.Input, training: true);
        double loss = run.Loss.Forward(logits, run.Loader.Labels);
        run.Model.Backward(run.Loss.Backward());
        if (Settings.GradientClipNorm is double maxNorm) GradientClipping.ClipByGlobalNorm(run.Optimizer.Parameters, maxNorm);
        run.Optimizer.Step();
        return loss;
    }

    /// <summary>The loss and accuracy of <paramref name="model"/> over the windows <paramref name="indices"/>, in batches of the loader's size.</summary>
    internal static LossTotals Evaluate(Layer model, BatchLoader loader, SoftmaxCrossEntropy loss, float[] classWeights,
        IReadOnlyList<int> indices, CancellationToken cancellationToken)
    {
        var totals = new LossTotals();
        Span<int> batch = new int[loader.BatchSize];
        for (int start = 0; start < indices.Count; start += batch.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batch.Length, indices.Count - start);
            for (int i = 0; i < count; i++) batch[i] = indices[start + i];
            loader.Load(batch[..count]);
            var logits = model.Forward(loader.Input, training: false);
            totals.Add(loss.Forward(logits, loader.Labels), logits, loader.Labels, classWeights);
        }
        return totals;
    }
}
