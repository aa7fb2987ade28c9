using Valence.Nn.Layers;
using Valence.Nn.Losses;
using Valence.Nn.Optimizers;

namespace Valence.Emotion.Training;

/// <summary>
/// The whole state of a training run between epochs (what a checkpoint holds), and the objects it trains with:
/// model, optimiser, schedule, loss, batch buffers.
/// </summary>
internal sealed class TrainingRun : IDisposable
{
    private TrainingRun(TrainingSettings settings, Sequential model, TrainingData data)
    {
        Settings = settings;
        Model = model;
        Data = data;
        var parameters = model.StateParameters().Select(p => p.Parameter).ToArray();
        Optimizer = settings.Optimizer switch
        {
            OptimizerKind.AdamW => new AdamW(parameters, settings.LearningRate, weightDecay: settings.WeightDecay),
            OptimizerKind.Sgd => new Sgd(parameters, settings.LearningRate, settings.Momentum, weightDecay: settings.WeightDecay),
            _ => new Adam(parameters, settings.LearningRate, weightDecay: settings.WeightDecay),
        };
        Schedule = settings.Schedule?.Create(Optimizer);
        var labels = data.TrainIndices.Select(data.Windows.Label).ToArray();
        ClassWeights = settings.ClassWeights?.Resolve(labels, data.Windows.ClassCount) ?? [];
        Loss = new SoftmaxCrossEntropy(ClassWeights);
        Loader = new BatchLoader(data.Windows, settings.BatchSize);
        Order = new int[data.TrainIndices.Count];
        if (settings.EarlyStopping is not null && data.ValidationIndices.Count == 0)
            throw new ArgumentException("Early stopping watches the validation loss, but the training data has no validation windows; give some or turn early stopping off.", nameof(data));
        if (settings.EarlyStopping is { RestoreBestWeights: true }) Best = new WeightSnapshot(model);
    }

    public TrainingSettings Settings { get; }
    public Sequential Model { get; }
    public TrainingData Data { get; }
    public Optimizer Optimizer { get; }
    public ILearningRateSchedule? Schedule { get; }
    public SoftmaxCrossEntropy Loss { get; }

    /// <summary>One weight per class, or empty when every class weighs 1.</summary>
    public float[] ClassWeights { get; }

    public BatchLoader Loader { get; }

    /// <summary>The current epoch's order of the training windows.</summary>
    public int[] Order { get; }

    /// <summary>The best epoch's weights, kept when early stopping restores them.</summary>
    public WeightSnapshot? Best { get; }

    /// <summary>The lowest validation loss so far (+∞ before the first).</summary>
    public double BestLoss { get; set; } = double.PositiveInfinity;

    /// <summary>The epoch (from 1) of <see cref="BestLoss"/>; 0 before the first.</summary>
    public int BestEpoch { get; set; }

    /// <summary>Consecutive epochs without improvement.</summary>
    public int BadEpochs { get; set; }

    public int CompletedEpochs { get; set; }

    /// <summary>Whether early stopping has ended the run.</summary>
    public bool Stopped { get; set; }

    /// <summary>Wall time of the completed epochs, across resumptions.</summary>
    public TimeSpan Elapsed { get; set; }

    public List<EpochReport> History { get; } = [];

    /// <summary>Whether no epoch is left to run.</summary>
    public bool Finished => Stopped || CompletedEpochs >= Settings.Epochs;

    /// <summary>
    /// A new run: the model initialised from the seed, its data-fitted layers fitted to the training windows, and no
    /// gradient computed for the input.
    /// </summary>
    public static TrainingRun Start(TrainingSettings settings, Sequential model, TrainingData data, CancellationToken cancellationToken)
    {
        ModelChecks.ClassCount(model, data.Windows);
        model.Initialize(EpochRandomness.ForInitialization(settings.Seed));
        model.InputGradientRequired = false;
        var run = new TrainingRun(settings, model, data);
        DataFitting.Fit(model, run.Loader, data.TrainIndices, cancellationToken);
        return run;
    }

    /// <summary>A run continued from <paramref name="checkpoint"/>, which must have been written with <paramref name="settings"/> on <paramref name="data"/>.</summary>
    public static TrainingRun Resume(TrainingSettings settings, TrainingCheckpoint checkpoint, TrainingData data)
    {
        var model = checkpoint.Model;
        ModelChecks.ClassCount(model, data.Windows);
        model.InputGradientRequired = false;
        var run = new TrainingRun(settings, model, data);
        checkpoint.RestoreInto(run);
        return run;
    }

    /// <summary>Notes epoch <paramref name="epoch"/>'s validation loss; returns whether it improved on the best.</summary>
    public bool ObserveValidationLoss(double loss, int epoch)
    {
        double minimumDelta = Settings.EarlyStopping?.MinimumDelta ?? 0;
        if (loss < BestLoss - minimumDelta)
        {
            BestLoss = loss;
            BestEpoch = epoch;
            BadEpochs = 0;
            Best?.Capture();
            return true;
        }
        BadEpochs++;
        if (BadEpochs >= Settings.EarlyStopping?.Patience) Stopped = true;
        return false;
    }

    /// <summary>The result: the model with the best weights restored when early stopping asks for it.</summary>
    public TrainingResult Result()
    {
        if (Best is not null && BestEpoch > 0) Best.Restore();
        return new TrainingResult(Model, History.ToArray(), BestEpoch > 0 ? BestEpoch : null, Stopped && CompletedEpochs < Settings.Epochs);
    }

    public void Dispose() => Loader.Dispose();
}
