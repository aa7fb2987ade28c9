using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

/// <summary>Finite-difference checks of every recurrent layer's input, weight and initial-state gradients.</summary>
public class RecurrentGradientTests
{
    // Awkward sizes: batch 3, time 4, input 7; hidden 5 is narrower than a SIMD vector, 19 has whole vectors and a tail.
    public static readonly TheoryData<string, int, int, bool, bool, bool, int> Cases = Build();

    private static TheoryData<string, int, int, bool, bool, bool, int> Build()
    {
        var data = new TheoryData<string, int, int, bool, bool, bool, int>();
        foreach (var type in new[] { "LSTM", "GRU", "SimpleRNN" })
        {
            // type, hidden, layers, bidirectional, returnSequences, bias, time
            data.Add(type, 5, 1, false, true, true, 4);
            data.Add(type, 5, 1, false, false, true, 4);
            data.Add(type, 5, 2, true, true, true, 4);
            data.Add(type, 5, 2, true, false, true, 4);
            data.Add(type, 5, 1, true, true, false, 4);
            data.Add(type, 5, 2, false, false, false, 1);
            data.Add(type, 5, 1, true, false, true, 1);
            data.Add(type, 19, 2, true, true, true, 4);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Input_and_weight_gradients_match_finite_differences(string type, int hidden, int layers,
        bool bidirectional, bool returnSequences, bool bias, int time)
    {
        var options = new RecurrentOptions(7, hidden, layers, bidirectional, returnSequences, bias);
        var layer = RecurrentLayers.Create(type, options);
        GradientCheck.Layer(layer, new TensorShape(3, time, 7), samplesPerTensor: 16);
    }

    [Theory]
    [InlineData("LSTM", 1, false)]
    [InlineData("LSTM", 2, true)]
    [InlineData("GRU", 2, true)]
    [InlineData("SimpleRNN", 2, true)]
    public void Initial_state_gradients_match_finite_differences(string type, int layers, bool bidirectional)
    {
        var layer = RecurrentLayers.Create(type, new RecurrentOptions(7, 5, layers, bidirectional, returnSequences: false));
        var rng = new Rng(7);
        layer.Initialize(rng);
        var stateShape = new TensorShape(layers * (bidirectional ? 2 : 1), 3, 5);
        using var input = new Tensor(3, 4, 7);
        using var hidden = new Tensor(stateShape);
        using var cell = new Tensor(stateShape);
        rng.FillUniform(input.Span, -1f, 1f);
        rng.FillUniform(hidden.Span, -1f, 1f);
        rng.FillUniform(cell.Span, -1f, 1f);
        using var probe = new Tensor(layer.GetOutputShape(input.Shape));
        rng.FillUniform(probe.Span, -1f, 1f);

        double Loss()
        {
            if (layer is LSTM lstm) lstm.SetInitialState(hidden, cell);
            else layer.SetInitialState(hidden);
            var output = layer.Forward(input, training: true);
            double sum = 0;
            for (int i = 0; i < output.Length; i++) sum += (double)output.Span[i] * probe.Span[i];
            return sum;
        }

        Loss();
        layer.Backward(probe);
        using var hiddenGradient = layer.InitialHiddenStateGradient.Clone();
        GradientCheck.Compare($"{type} ∂L/∂h0", hidden, hiddenGradient, Loss, rng, 1e-2, 2e-2, 24);
        if (layer is LSTM withCell)
        {
            using var cellGradient = withCell.InitialCellStateGradient.Clone();
            GradientCheck.Compare($"{type} ∂L/∂c0", cell, cellGradient, Loss, rng, 1e-2, 2e-2, 24);
        }
    }
}
