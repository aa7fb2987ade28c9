namespace Valence.Nn.Optimizers;

/// <summary>
/// A schedule whose learning rate is a closed-form function of the epoch and of the optimiser's learning rate when
/// the schedule was created (PyTorch's <c>base_lrs</c>).
/// </summary>
/// <remarks>
/// PyTorch's schedulers update the rate recursively; the closed form gives the same values up to rounding in the
/// last bits and makes the state just <c>last_epoch</c> and <c>base_lr</c>.
/// </remarks>
public abstract class EpochLearningRateSchedule : ILearningRateSchedule
{
    /// <summary>Attaches the schedule to <paramref name="optimizer"/>, whose current learning rate becomes the base rate at epoch 0.</summary>
    protected EpochLearningRateSchedule(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        BaseLearningRate = optimizer.LearningRate;
    }

    /// <inheritdoc />
    public Optimizer Optimizer { get; }

    /// <summary>The learning rate at epoch 0.</summary>
    public double BaseLearningRate { get; private set; }

    /// <inheritdoc />
    public int Epoch { get; private set; }

    /// <summary>Ends an epoch; <paramref name="metric"/> is ignored.</summary>
    public void Step(double metric)
    {
        Epoch++;
        Optimizer.LearningRate = LearningRateAt(Epoch);
    }

    /// <summary>The learning rate for epoch <paramref name="epoch"/> (0 is the first).</summary>
    public abstract double LearningRateAt(int epoch);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> State =>
        new Dictionary<string, double> { ["last_epoch"] = Epoch, ["base_lr"] = BaseLearningRate };

    /// <inheritdoc />
    public void LoadState(IReadOnlyDictionary<string, double> state)
    {
        ScheduleState.RequireExactly(state, GetType().Name, "last_epoch", "base_lr");
        int epoch = ScheduleState.Count(state, "last_epoch", GetType().Name);
        double baseLearningRate = state["base_lr"];
        if (!double.IsFinite(baseLearningRate) || baseLearningRate < 0)
            throw new ArgumentException($"{GetType().Name}: the checkpoint state 'base_lr' must be finite and at least 0; got {baseLearningRate}.", nameof(state));
        Epoch = epoch;
        BaseLearningRate = baseLearningRate;
        Optimizer.LearningRate = LearningRateAt(Epoch);
    }
}
