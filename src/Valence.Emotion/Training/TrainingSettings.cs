namespace Valence.Emotion.Training;

/// <summary>
/// Everything that decides how a model is trained. Together with the model spec and the data, these settings decide
/// the trained model bit for bit. Each property validates itself when it is set.
/// </summary>
/// <remarks>
/// Defaults: Adam, learning rate 1e-3, no weight decay, batches of 64, 50 epochs, constant learning rate, all classes
/// weighing 1, no gradient clipping, seed 0, no early stopping, shuffling every epoch.
/// </remarks>
public sealed record TrainingSettings
{
    /// <summary>The optimiser (default Adam).</summary>
    public OptimizerKind Optimizer
    {
        get;
        init => field = Enum.IsDefined(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(Optimizer), value, $"Optimizer must be one of {string.Join(", ", Enum.GetNames<OptimizerKind>())}.");
    } = OptimizerKind.Adam;

    /// <summary>The learning rate of the first epoch (default 1e-3); a schedule changes it later.</summary>
    public double LearningRate
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, $"LearningRate must be positive and finite; got {value}.");
    } = 1e-3;

    /// <summary>
    /// Weight decay λ (default 0): an L2 term λ·p added to the gradient for Adam and SGD, a decay p·(1 − η·λ) of the
    /// weights for AdamW (PyTorch's AdamW default is 0.01).
    /// </summary>
    public double WeightDecay
    {
        get;
        init => field = double.IsFinite(value) && value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(WeightDecay), value, $"WeightDecay must be finite and at least 0; got {value}.");
    }

    /// <summary>Momentum of SGD (default 0.9); the Adam optimisers ignore it.</summary>
    public double Momentum
    {
        get;
        init => field = double.IsFinite(value) && value >= 0 && value < 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Momentum), value, $"Momentum must be in [0, 1); got {value}.");
    } = 0.9;

    /// <summary>Windows per training step (default 64); the last batch of an epoch may be smaller.</summary>
    public int BatchSize
    {
        get;
        init => field = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, $"BatchSize must be at least 1; got {value}.");
    } = 64;

    /// <summary>The most epochs to train (default 50); early stopping may end sooner.</summary>
    public int Epochs
    {
        get;
        init => field = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Epochs), value, $"Epochs must be at least 1; got {value}.");
    } = 50;

    /// <summary>How the learning rate changes between epochs; null keeps it constant (default).</summary>
    public LearningRateScheduleSettings? Schedule { get; init; }

    /// <summary>How the loss weighs the classes; null weighs every class 1 (default).</summary>
    public ClassWeighting? ClassWeights { get; init; }

    /// <summary>The largest global 2-norm of the gradients before a step (PyTorch's clip_grad_norm_); null for no clipping (default).</summary>
    public double? GradientClipNorm
    {
        get;
        init => field = value is null || (double.IsFinite(value.Value) && value > 0) ? value
            : throw new ArgumentOutOfRangeException(nameof(GradientClipNorm), value, $"GradientClipNorm must be positive and finite, or null for none; got {value}.");
    }

    /// <summary>The seed of every random choice: initial weights, the order of every epoch, dropout masks (default 0).</summary>
    public ulong Seed { get; init; }

    /// <summary>Early stopping on the validation loss; null to run every epoch (default). Needs validation windows.</summary>
    public EarlyStoppingSettings? EarlyStopping { get; init; }

    /// <summary>Whether the training windows are visited in a new seeded order every epoch (default true).</summary>
    public bool Shuffle { get; init; } = true;
}
