using Valence.Nn.Layers;
using Valence.Nn.Losses;
using Valence.Nn.Optimizers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Models;

/// <summary>A whole Conv1D → ReLU → MaxPool → LSTM → Dense model against PyTorch (tests/goldens/make_model.py).</summary>
public class CnnLstmModelGoldenTests
{
    private static Sequential Build() => new("model",
        new Conv1D("conv", new Conv1DOptions(5, 8, 3)),
        new ReLU("relu1"),
        new MaxPool1D("pool", new Pool1DOptions(2)),
        new Permute("to_time_major"),
        new LSTM("lstm", new RecurrentOptions(8, 6, returnSequences: false)),
        new Dense("fc1", new DenseOptions(6, 7)),
        new ReLU("relu2"),
        new Dense("fc2", new DenseOptions(7, 4)));

    [Fact]
    public void Forward_loss_gradients_and_one_Adam_step_match_PyTorch()
    {
        var golden = Golden.Load("model_cnn_lstm");
        var model = Build();
        var parameters = model.StateParameters().ToList();
        foreach (var (name, p) in parameters) golden.CopyInto(name, p.Value);
        using var input = golden.Tensor("input");
        int[] labels = golden.Integers("labels").Select(l => (int)l).ToArray();

        var logits = model.Forward(input, training: true);
        using var expectedLogits = golden.Tensor("logits");
        TensorAssert.Close(expectedLogits, logits, what: "logits");

        var loss = new SoftmaxCrossEntropy();
        double value = loss.Forward(logits, labels);
        Assert.Equal(golden.Tensor("loss").Span[0], value, 5);

        model.ZeroGradients();
        var inputGradient = model.Backward(loss.Backward());
        using var expectedInputGradient = golden.Tensor("grad.input");
        TensorAssert.Close(expectedInputGradient, inputGradient, what: "input gradient");
        foreach (var (name, p) in parameters)
        {
            using var expected = golden.Tensor($"grad.{name}");
            TensorAssert.Close(expected, p.Gradient, what: $"gradient of {name}");
        }

        new Adam(parameters.Select(p => p.Parameter), learningRate: 1e-3).Step();
        foreach (var (name, p) in parameters)
        {
            using var before = golden.Tensor(name);
            using var expected = golden.Tensor($"adam.{name}");
            TensorAssert.Close(expected, p.Value, what: $"{name} after one Adam step");
            // The step itself (about lr in size) is compared too, so a wrong update cannot hide inside the weights.
            TensorAssert.Close(Difference(expected, before), Difference(p.Value, before), rtol: 1e-3, what: $"Adam step of {name}");
        }
    }

    [Fact]
    public void State_names_are_PyTorchs()
    {
        var names = Build().StateParameters().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["conv.weight", "conv.bias", "lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0", "lstm.bias_hh_l0",
             "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], names);
    }

    private static float[] Difference(Tensor after, Tensor before)
    {
        var d = new float[after.Length];
        for (int i = 0; i < d.Length; i++) d[i] = after.Span[i] - before.Span[i];
        return d;
    }
}

/// <summary>A whole training step (forward, loss, backward, Adam) allocates nothing once warm.</summary>
public class TrainingStepAllocationTests
{
    [Fact]
    public void A_warmed_up_training_step_allocates_nothing_on_the_managed_heap()
    {
        var model = new Sequential("model",
            new Conv1D("conv", new Conv1DOptions(5, 8, 3)), new ReLU("relu1"), new MaxPool1D("pool", new Pool1DOptions(2)),
            new Permute("to_time_major"), new GRU("gru", new RecurrentOptions(8, 6, returnSequences: false)),
            new Dense("fc1", new DenseOptions(6, 7)), new ReLU("relu2"), new Dense("fc2", new DenseOptions(7, 4)));
        var rng = new Valence.Nn.Initialization.Rng(1);
        model.Initialize(rng);
        model.InputGradientRequired = false;
        var optimizer = new Adam(model.StateParameters().Select(p => p.Parameter));
        var loss = new SoftmaxCrossEntropy();
        using var x = new Tensor(4, 5, 33);
        rng.FillUniform(x.Span, -1, 1);
        int[] y = [0, 1, 2, 3];
        void Step()
        {
            optimizer.ZeroGrad();
            loss.Forward(model.Forward(x, training: true), y);
            model.Backward(loss.Backward());
            optimizer.Step();
        }
        Assert.Equal(0, Allocations.SteadyState(Step));
    }
}
