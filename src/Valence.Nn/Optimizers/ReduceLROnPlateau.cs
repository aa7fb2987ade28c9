namespace Valence.Nn.Optimizers;

/// <summary>
/// Reduces the learning rate by <see cref="Factor"/> when a monitored metric has stopped improving for more than
/// <see cref="Patience"/> epochs, as PyTorch's <c>torch.optim.lr_scheduler.ReduceLROnPlateau</c>.
/// </summary>
/// <remarks>
/// <para>At each <see cref="Step"/>: the metric is better when (Min, Relative) m &lt; best·(1 − threshold),
/// (Min, Absolute) m &lt; best − threshold, (Max, Relative) m &gt; best·(1 + threshold), (Max, Absolute)
/// m &gt; best + threshold. A better metric becomes the best and resets the count of bad epochs; otherwise the count
/// grows. During cooldown bad epochs are not counted. When the count exceeds the patience the rate becomes
/// max(η·factor, minLearningRate) (if that lowers it by more than <see cref="Epsilon"/>), the cooldown starts and the
/// count resets.</para>
/// <para>A NaN metric is never better, so it counts as a bad epoch, as in PyTorch.</para>
/// </remarks>
public sealed class ReduceLROnPlateau : ILearningRateSchedule
{
    private static readonly string[] StateNames = ["last_epoch", "best", "num_bad_epochs", "cooldown_counter", "last_lr"];

    /// <summary>Creates the schedule; arguments and defaults are PyTorch's (<c>mode</c>, <c>factor</c>, <c>patience</c>, <c>threshold</c>, <c>threshold_mode</c>, <c>cooldown</c>, <c>min_lr</c>, <c>eps</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A factor outside (0, 1); a negative patience or cooldown; a negative or non-finite threshold, minimum rate
    /// or epsilon; an undefined mode.
    /// </exception>
    public ReduceLROnPlateau(Optimizer optimizer, PlateauMode mode = PlateauMode.Min, double factor = 0.1,
        int patience = 10, double threshold = 1e-4, PlateauThresholdMode thresholdMode = PlateauThresholdMode.Relative,
        int cooldown = 0, double minLearningRate = 0, double epsilon = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "ReduceLROnPlateau: mode must be Min or Max.");
        if (!Enum.IsDefined(thresholdMode))
            throw new ArgumentOutOfRangeException(nameof(thresholdMode), thresholdMode, "ReduceLROnPlateau: thresholdMode must be Relative or Absolute.");
        if (!(factor > 0 && factor < 1))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"ReduceLROnPlateau: factor must be in (0, 1); got {factor}.");
        RequireNonNegative(patience, nameof(patience));
        RequireNonNegative(cooldown, nameof(cooldown));
        RequireNonNegative(threshold, nameof(threshold));
        RequireNonNegative(minLearningRate, nameof(minLearningRate));
        RequireNonNegative(epsilon, nameof(epsilon));
        Optimizer = optimizer;
        Mode = mode;
        Factor = factor;
        Patience = patience;
        Threshold = threshold;
        ThresholdMode = thresholdMode;
        Cooldown = cooldown;
        MinimumLearningRate = minLearningRate;
        Epsilon = epsilon;
        Best = WorstValue;
    }

    /// <inheritdoc />
    public Optimizer Optimizer { get; }

    /// <summary>Whether the metric should fall or rise.</summary>
    public PlateauMode Mode { get; }

    /// <summary>The factor applied to the rate at each reduction.</summary>
    public double Factor { get; }

    /// <summary>The number of epochs without improvement tolerated before a reduction.</summary>
    public int Patience { get; }

    /// <summary>The margin an improvement must exceed (see <see cref="ThresholdMode"/>).</summary>
    public double Threshold { get; }

    /// <summary>Whether <see cref="Threshold"/> is relative to the best value or absolute.</summary>
    public PlateauThresholdMode ThresholdMode { get; }

    /// <summary>The number of epochs after a reduction during which bad epochs are not counted.</summary>
    public int Cooldown { get; }

    /// <summary>The rate below which no reduction goes.</summary>
    public double MinimumLearningRate { get; }

    /// <summary>The smallest change of rate worth making; smaller reductions are skipped.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public int Epoch { get; private set; }

    /// <summary>The best metric so far (+∞ in Min mode, −∞ in Max mode before the first step).</summary>
    public double Best { get; private set; }

    /// <summary>The number of consecutive epochs without improvement, outside cooldown.</summary>
    public int BadEpochs { get; private set; }

    /// <summary>The number of cooldown epochs left.</summary>
    public int CooldownLeft { get; private set; }

    private double WorstValue => Mode == PlateauMode.Min ? double.PositiveInfinity : double.NegativeInfinity;

    /// <summary>Ends an epoch whose monitored value was <paramref name="metric"/>, reducing the rate on a plateau.</summary>
    public void Step(double metric)
    {
        Epoch++;
        if (IsBetter(metric))
        {
            Best = metric;
            BadEpochs = 0;
        }
        else
        {
            BadEpochs++;
        }
        if (CooldownLeft > 0)
        {
            CooldownLeft--;
            BadEpochs = 0;
        }
        if (BadEpochs > Patience)
        {
            ReduceLearningRate();
            CooldownLeft = Cooldown;
            BadEpochs = 0;
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> State => new Dictionary<string, double>
    {
        ["last_epoch"] = Epoch,
        ["best"] = Best,
        ["num_bad_epochs"] = BadEpochs,
        ["cooldown_counter"] = CooldownLeft,
        ["last_lr"] = Optimizer.LearningRate,
    };

    /// <inheritdoc />
    public void LoadState(IReadOnlyDictionary<string, double> state)
    {
        const string owner = nameof(ReduceLROnPlateau);
        ScheduleState.RequireExactly(state, owner, StateNames);
        int epoch = ScheduleState.Count(state, "last_epoch", owner);
        int badEpochs = ScheduleState.Count(state, "num_bad_epochs", owner);
        int cooldownLeft = ScheduleState.Count(state, "cooldown_counter", owner);
        double best = state["best"];
        if (double.IsNaN(best))
            throw new ArgumentException($"{owner}: the checkpoint state 'best' is NaN.", nameof(state));
        Optimizer.LearningRate = state["last_lr"];
        Epoch = epoch;
        Best = best;
        BadEpochs = badEpochs;
        CooldownLeft = cooldownLeft;
    }

    private bool IsBetter(double metric) => (Mode, ThresholdMode) switch
    {
        (PlateauMode.Min, PlateauThresholdMode.Relative) => metric < Best * (1 - Threshold),
        (PlateauMode.Min, PlateauThresholdMode.Absolute) => metric < Best - Threshold,
        (PlateauMode.Max, PlateauThresholdMode.Relative) => metric > Best * (Threshold + 1),
        _ => metric > Best + Threshold,
    };

    private void ReduceLearningRate()
    {
        double current = Optimizer.LearningRate;
        double reduced = Math.Max(current * Factor, MinimumLearningRate);
        if (current - reduced > Epsilon) Optimizer.LearningRate = reduced;
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(name, value, $"ReduceLROnPlateau: {name} must be finite and at least 0; got {value}.");
    }
}
