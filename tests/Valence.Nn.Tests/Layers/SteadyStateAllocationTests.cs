using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

public class SteadyStateAllocationTests
{
    public static TheoryData<Layer> Layers() =>
    [
        new ReLU("relu"),
        new LeakyReLU("leaky"),
        new ELU("elu"),
        new GELU("gelu"),
        new GELU("gelu_tanh", new GELUOptions(GeluApproximation.Tanh)),
        new Tanh("tanh"),
        new Sigmoid("sigmoid"),
        new Softmax("softmax"),
        new BatchNorm1D("bn", new BatchNorm1DOptions(6)),
        new Dropout("drop", new DropoutOptions(0.3f)),
        new Dropout("sdrop", new DropoutOptions(0.3f, spatial: true)),
        new Permute("permute"),
    ];

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_training_step_allocates_nothing_once_warmed_up(Layer layer)
    {
        layer.Initialize(new Rng(1));
        using var x = new Tensor(4, 6, 13);
        using var g = new Tensor(4, 6, 13);
        new Rng(2).FillUniform(x.Span, -2f, 2f);
        new Rng(3).FillUniform(g.Span, -1f, 1f);
        Assert.Equal(0, Allocations.SteadyState(() => Step(layer, x, g)));
    }

    private static void Step(Layer layer, Tensor x, Tensor g)
    {
        layer.Forward(x, training: true);
        layer.Backward(g);
        layer.Forward(x, training: false);
    }
}
