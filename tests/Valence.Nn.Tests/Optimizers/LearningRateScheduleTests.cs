using System.Text.Json;
using System.Text.Json.Nodes;
using Valence.Nn.Optimizers;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Optimizers;

public class LearningRateScheduleTests
{
    private static readonly Golden Golden = Golden.Load("losses_optim_schedules");

    [Theory]
    [InlineData("step_lr")]
    [InlineData("cosine")]
    [InlineData("cosine_to_zero")]
    [InlineData("plateau_min_rel")]
    [InlineData("plateau_defaults")]
    [InlineData("plateau_max_abs")]
    public void Learning_rates_over_thirty_epochs_match_PyTorch(string name)
    {
        var expected = JsonSerializer.Deserialize<double[]>(Golden.Metadata[$"{name}.lr"])!;
        var (schedule, metrics) = Create(name);
        Assert.Equal(expected[0], schedule.Optimizer.LearningRate);
        for (int epoch = 1; epoch < expected.Length; epoch++)
        {
            schedule.Step(metrics[epoch - 1]);
            Assert.Equal(epoch, schedule.Epoch);
            double actual = schedule.Optimizer.LearningRate;
            Assert.True(Math.Abs(actual - expected[epoch]) <= 1e-12 * expected[0],
                $"{name} epoch {epoch}: learning rate {actual:R}, PyTorch {expected[epoch]:R}.");
        }
    }

    [Theory]
    [InlineData("step_lr")]
    [InlineData("cosine")]
    [InlineData("plateau_min_rel")]
    [InlineData("plateau_max_abs")]
    public void Resuming_from_saved_state_continues_identically(string name)
    {
        const int split = 12;
        var (straight, metrics) = Create(name);
        var (first, _) = Create(name);
        for (int epoch = 0; epoch < split; epoch++)
        {
            straight.Step(metrics[epoch]);
            first.Step(metrics[epoch]);
        }
        var state = first.State;

        var (resumed, _) = Create(name);
        resumed.Optimizer.LearningRate = 1.0;   // a fresh run's rate, which the loaded state must replace
        resumed.LoadState(state);
        Assert.Equal(straight.Optimizer.LearningRate, resumed.Optimizer.LearningRate);
        for (int epoch = split; epoch < metrics.Length; epoch++)
        {
            straight.Step(metrics[epoch]);
            resumed.Step(metrics[epoch]);
            Assert.Equal(straight.Optimizer.LearningRate, resumed.Optimizer.LearningRate);
        }
        Assert.Equal(straight.State, resumed.State);
    }

    [Fact]
    public void Bad_state_is_refused()
    {
        var (schedule, _) = Create("plateau_min_rel");
        var state = new Dictionary<string, double>(schedule.State);
        state.Remove("best");
        Assert.Contains("lacks 'best'", Assert.Throws<ArgumentException>(() => schedule.LoadState(state)).Message);
        var (step, _) = Create("step_lr");
        var extra = new Dictionary<string, double>(step.State) { ["momentum"] = 1 };
        Assert.Contains("unknown entry 'momentum'", Assert.Throws<ArgumentException>(() => step.LoadState(extra)).Message);
        var fractional = new Dictionary<string, double>(step.State) { ["last_epoch"] = 2.5 };
        Assert.Contains("whole number", Assert.Throws<ArgumentException>(() => step.LoadState(fractional)).Message);
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        var optimizer = new Sgd([OptimizerHandTests.Scalar(0f)], 0.1);
        Assert.Contains("stepSize", Assert.Throws<ArgumentOutOfRangeException>(() => new StepLR(optimizer, 0)).Message);
        Assert.Contains("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new StepLR(optimizer, 3, -0.5)).Message);
        Assert.Contains("T_max", Assert.Throws<ArgumentOutOfRangeException>(() => new CosineAnnealingLR(optimizer, 0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CosineAnnealingLR(optimizer, 10, -1e-3));
        Assert.Contains("(0, 1)", Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(optimizer, factor: 1.0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(optimizer, patience: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(optimizer, threshold: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(optimizer, minLearningRate: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(optimizer, mode: (PlateauMode)7));
    }

    private static (ILearningRateSchedule Schedule, double[] Metrics) Create(string name)
    {
        var settings = JsonNode.Parse(Golden.Metadata[name])!.AsObject();
        double Get(string key, double fallback) => settings[key]?.GetValue<double>() ?? fallback;
        int epochs = int.Parse(Golden.Metadata["epochs"]);
        var metrics = settings["metrics"]?.Deserialize<double[]>() ?? new double[epochs];
        var optimizer = new Sgd([OptimizerHandTests.Scalar(0f)], Get("lr", double.NaN));
        ILearningRateSchedule schedule = settings["type"]!.GetValue<string>() switch
        {
            "step_lr" => new StepLR(optimizer, (int)Get("step_size", 0), Get("gamma", 0.1)),
            "cosine" => new CosineAnnealingLR(optimizer, (int)Get("T_max", 0), Get("eta_min", 0)),
            "plateau" => new ReduceLROnPlateau(optimizer,
                settings["mode"]?.GetValue<string>() == "max" ? PlateauMode.Max : PlateauMode.Min,
                Get("factor", 0.1), (int)Get("patience", 10), Get("threshold", 1e-4),
                settings["threshold_mode"]?.GetValue<string>() == "abs" ? PlateauThresholdMode.Absolute : PlateauThresholdMode.Relative,
                (int)Get("cooldown", 0), Get("min_lr", 0)),
            var other => throw new InvalidOperationException($"Unknown schedule '{other}' in the golden."),
        };
        return (schedule, metrics);
    }
}
