using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Optimizers;
using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Optimizers;

public class OptimizerStateTests
{
    public static TheoryData<string> Kinds => ["sgd", "adam", "adamw"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Resuming_from_saved_state_is_bit_identical(string kind)
    {
        const int total = 6, split = 2;
        var first = NewParameters();
        var firstOptimizer = Create(kind, first);
        for (int step = 0; step < split; step++) StepWith(firstOptimizer, first, step);
        firstOptimizer.LearningRate = 0.02;

        // A checkpoint: parameter values, step count, learning rate and state tensors, copied out.
        var values = first.Select(p => p.Value.Clone()).ToArray();
        var state = firstOptimizer.State.Select(s => (s.Name, s.Value.Clone())).ToList();
        long stepCount = firstOptimizer.StepCount;
        double learningRate = firstOptimizer.LearningRate;

        var resumed = NewParameters();
        for (int i = 0; i < resumed.Length; i++) values[i].CopyTo(resumed[i].Value);
        var resumedOptimizer = Create(kind, resumed);
        resumedOptimizer.LearningRate = learningRate;
        resumedOptimizer.LoadState(stepCount, state);

        // The original run goes on uninterrupted beside the resumed one.
        for (int step = split; step < total; step++)
        {
            StepWith(firstOptimizer, first, step);
            StepWith(resumedOptimizer, resumed, step);
        }
        for (int i = 0; i < first.Length; i++)
            Assert.Equal(first[i].Value.ReadOnlySpan.ToArray(), resumed[i].Value.ReadOnlySpan.ToArray());
        Assert.Equal(total, resumedOptimizer.StepCount);
    }

    [Fact]
    public void State_is_named_per_parameter_with_PyTorch_keys()
    {
        var parameters = NewParameters();
        Assert.Equal(["0.exp_avg", "0.exp_avg_sq", "0.max_exp_avg_sq", "1.exp_avg", "1.exp_avg_sq", "1.max_exp_avg_sq"],
            new Adam(parameters, amsgrad: true).State.Select(s => s.Name));
        Assert.Equal(["0.momentum_buffer", "1.momentum_buffer"], new Sgd(parameters, 0.1, momentum: 0.9).State.Select(s => s.Name));
        Assert.Empty(new Sgd(parameters, 0.1).State);
        Assert.Equal(new TensorShape(4), new Adam(parameters).State[2].Value.Shape);
    }

    [Fact]
    public void Mismatched_checkpoints_are_refused_and_change_nothing()
    {
        var adam = new Adam(NewParameters());
        using var right0 = new Tensor(3, 4);
        using var right1 = new Tensor(4);
        using var wrongShape = new Tensor(5);
        right0.Fill(1f);

        var count = Assert.Throws<ArgumentException>(() => adam.LoadState(3, [("0.exp_avg", right0)]));
        Assert.Contains("holds 1 state tensors, this optimiser has 4", count.Message);
        var unknown = Assert.Throws<ArgumentException>(() => adam.LoadState(3,
            [("0.exp_avg", right0), ("0.exp_avg_sq", right0), ("1.exp_avg", right1), ("1.momentum_buffer", right1)]));
        Assert.Contains("'1.momentum_buffer' is not one of this optimiser's", unknown.Message);
        var duplicate = Assert.Throws<ArgumentException>(() => adam.LoadState(3,
            [("0.exp_avg", right0), ("0.exp_avg", right0), ("1.exp_avg", right1), ("1.exp_avg_sq", right1)]));
        Assert.Contains("twice", duplicate.Message);
        var shape = Assert.Throws<ShapeException>(() => adam.LoadState(3,
            [("0.exp_avg", right0), ("0.exp_avg_sq", right0), ("1.exp_avg", right1), ("1.exp_avg_sq", wrongShape)]));
        Assert.Contains("[5]", shape.Message);
        Assert.Contains("[4]", shape.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => adam.LoadState(-1, adam.State));

        Assert.Equal(0, adam.StepCount);
        Assert.All(adam.State, s => Assert.Equal(0f, s.Value.MaxAbs()));
    }

    private static Parameter[] NewParameters()
    {
        var parameters = new[] { new Parameter("weight", new TensorShape(3, 4)), new Parameter("bias", new TensorShape(4)) };
        var rng = new Rng(5);
        foreach (var p in parameters) rng.FillUniform(p.Value.Span, -1f, 1f);
        return parameters;
    }

    private static Optimizer Create(string kind, Parameter[] parameters) => kind switch
    {
        "sgd" => new Sgd(parameters, 0.05, momentum: 0.9, weightDecay: 0.01, nesterov: true),
        "adam" => new Adam(parameters, 0.01, weightDecay: 0.1, amsgrad: true),
        _ => new AdamW(parameters, 0.01, amsgrad: true),
    };

    private static void StepWith(Optimizer optimizer, Parameter[] parameters, int step)
    {
        var rng = new Rng(100 + (ulong)step);
        foreach (var p in parameters) rng.FillUniform(p.Gradient.Span, -1f, 1f);
        optimizer.Step();
    }
}
