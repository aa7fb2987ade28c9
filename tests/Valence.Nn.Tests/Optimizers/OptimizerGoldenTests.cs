using System.Text.Json.Nodes;
using Valence.Nn.Layers;
using Valence.Nn.Optimizers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Optimizers;

public class OptimizerGoldenTests
{
    private static readonly Golden Golden = Golden.Load("losses_optim_optimizers");

    [Theory]
    [InlineData("sgd")]
    [InlineData("sgd_momentum_dampening")]
    [InlineData("sgd_nesterov_weight_decay")]
    [InlineData("sgd_momentum_weight_decay")]
    [InlineData("adam")]
    [InlineData("adam_weight_decay")]
    [InlineData("adam_amsgrad")]
    [InlineData("adamw")]
    [InlineData("adamw_amsgrad")]
    public void Parameters_after_each_step_match_PyTorch(string name)
    {
        var parameters = LoadInitialParameters();
        using var initial0 = parameters[0].Value.Clone();
        using var initial1 = parameters[1].Value.Clone();
        Tensor[] initial = [initial0, initial1];
        var optimizer = Create(JsonNode.Parse(Golden.Metadata[name])!.AsObject(), parameters);
        int steps = int.Parse(Golden.Metadata["steps"]);

        for (int k = 1; k <= steps; k++)
        {
            for (int i = 0; i < parameters.Length; i++) Golden.CopyInto($"grad.{k - 1}.{i}", parameters[i].Gradient);
            optimizer.Step();
            for (int i = 0; i < parameters.Length; i++)
            {
                using var expected = Golden.Tensor($"{name}.step{k}.{i}");
                string what = $"{name} step {k} parameter {i}";
                TensorAssert.Close(expected, parameters[i].Value, what: what);
                // The displacement from the start is checked too: it is what the optimiser computes, and on it a
                // relative tolerance is not diluted by the size of the parameters.
                TensorAssert.Close(Displacement(expected, initial[i]), Displacement(parameters[i].Value, initial[i]), what: $"{what} displacement");
            }
        }
        Assert.Equal(steps, optimizer.StepCount);
    }

    internal static Parameter[] LoadInitialParameters()
    {
        var parameters = new[] { new Parameter("weight", new TensorShape(3, 4)), new Parameter("bias", new TensorShape(4)) };
        for (int i = 0; i < parameters.Length; i++) Golden.CopyInto($"param.{i}", parameters[i].Value);
        return parameters;
    }

    private static Tensor Displacement(Tensor value, Tensor initial)
    {
        var result = value.Clone();
        System.Numerics.Tensors.TensorPrimitives.Subtract(value.ReadOnlySpan, initial.ReadOnlySpan, result.Span);
        return result;
    }

    private static Optimizer Create(JsonObject settings, Parameter[] parameters)
    {
        double Get(string key, double fallback) => settings[key]?.GetValue<double>() ?? fallback;
        bool Flag(string key) => settings[key]?.GetValue<bool>() ?? false;
        double lr = Get("lr", double.NaN);
        var betas = settings["betas"]?.AsArray();
        double beta1 = betas?[0]!.GetValue<double>() ?? 0.9, beta2 = betas?[1]!.GetValue<double>() ?? 0.999;
        return settings["type"]!.GetValue<string>() switch
        {
            "sgd" => new Sgd(parameters, lr, Get("momentum", 0), Get("dampening", 0), Get("weight_decay", 0), Flag("nesterov")),
            "adam" => new Adam(parameters, lr, beta1, beta2, Get("eps", 1e-8), Get("weight_decay", 0), Flag("amsgrad")),
            "adamw" => new AdamW(parameters, lr, beta1, beta2, Get("eps", 1e-8), Get("weight_decay", 0.01), Flag("amsgrad")),
            var other => throw new InvalidOperationException($"Unknown optimiser '{other}' in the golden."),
        };
    }
}
