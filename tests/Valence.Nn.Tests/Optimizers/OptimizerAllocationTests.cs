using Valence.Nn.Layers;
using Valence.Nn.Optimizers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Optimizers;

public class OptimizerAllocationTests
{
    public static TheoryData<string> Kinds => ["sgd", "sgd_momentum", "sgd_nesterov", "adam", "adam_amsgrad", "adamw"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Step_allocates_nothing_once_warm(string kind)
    {
        Parameter[] parameters = [new Parameter("weight", new TensorShape(64, 33)), new Parameter("bias", new TensorShape(33))];
        foreach (var p in parameters) p.Gradient.Fill(0.1f);
        Optimizer optimizer = kind switch
        {
            "sgd" => new Sgd(parameters, 0.1),
            "sgd_momentum" => new Sgd(parameters, 0.1, momentum: 0.9, dampening: 0.1, weightDecay: 0.01),
            "sgd_nesterov" => new Sgd(parameters, 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true),
            "adam" => new Adam(parameters, weightDecay: 0.01),
            "adam_amsgrad" => new Adam(parameters, amsgrad: true),
            _ => new AdamW(parameters, amsgrad: true),
        };
        var schedule = new CosineAnnealingLR(optimizer, 10);
        var plateau = new ReduceLROnPlateau(optimizer);
        Assert.Equal(0, Allocations.SteadyState(() => Train(optimizer, schedule, plateau, parameters), warmup: 3, repeats: 20));
    }

    private static void Train(Optimizer optimizer, CosineAnnealingLR schedule, ReduceLROnPlateau plateau, Parameter[] parameters)
    {
        GradientClipping.ClipByGlobalNorm(parameters, 1.0);
        optimizer.Step();
        schedule.Step(0);
        plateau.Step(1.0);
        optimizer.ZeroGrad();
        foreach (var p in parameters) p.Gradient.Fill(0.1f);
    }
}
