using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

/// <summary>The feed-forward layers composed as the reference model's convolutional front end uses them.</summary>
public class FeedForwardModelTests
{
    private static Sequential CnnClassifier() => new("cnn",
        new Conv1D("conv1", new Conv1DOptions(4, 6, 3, padding: PaddingMode.Same)),
        new MaxPool1D("pool1", new Pool1DOptions(2)),
        new Conv1D("conv2", new Conv1DOptions(6, 6, 3, dilation: 2, padding: PaddingMode.Causal)),
        new AvgPool1D("pool2", new Pool1DOptions(3, 2)),
        new Flatten("flatten"),
        new Dense("fc", new DenseOptions(6 * 3, 4)));

    private static Sequential GlobalPoolClassifier() => new("gap",
        new Conv1D("conv", new Conv1DOptions(4, 8, 5, stride: 2, groups: 2, padding: PaddingMode.Explicit, explicitPadding: 1)),
        new GlobalAveragePool1D("pool"),
        new Dense("fc", new DenseOptions(8, 3, bias: false)));

    [Fact]
    public void Gradients_flow_through_the_composed_layers()
    {
        GradientCheck.Layer(CnnClassifier(), new TensorShape(2, 4, 17), epsilon: 1e-3, tolerance: 3e-2);
        GradientCheck.Layer(GlobalPoolClassifier(), new TensorShape(2, 4, 19));
    }

    [Fact]
    public void State_names_are_pytorch_state_dict_keys()
    {
        Assert.Equal(["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc.weight", "fc.bias"],
            CnnClassifier().StateParameters().Select(p => p.Name));
    }

    [Fact]
    public void Configuration_round_trips() =>
        LayerChecks.ConfigRoundTrip(CnnClassifier(), new TensorShape(2, 4, 17));

    [Fact]
    public void A_warmed_up_training_step_allocates_nothing()
    {
        foreach (var (model, shape) in new[] { (CnnClassifier(), new TensorShape(8, 4, 17)), (GlobalPoolClassifier(), new TensorShape(8, 4, 64)) })
        {
            model.Initialize(new Rng(1));
            using var input = new Tensor(shape);
            new Rng(2).FillUniform(input.Span, -1f, 1f);
            using var gradient = new Tensor(model.GetOutputShape(shape));
            gradient.Fill(0.1f);
            Assert.Equal(0, Allocations.SteadyState(() => Step(model, input, gradient), warmup: 1, repeats: 1));
        }
    }

    private static void Step(Layer model, Tensor input, Tensor gradient)
    {
        model.Forward(input, training: true);
        model.Backward(gradient);
        model.Forward(input, training: false);
    }
}
