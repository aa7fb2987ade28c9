using System.Globalization;
using Valence.Nn.Layers;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

/// <summary>Recurrent layers against torch.nn.LSTM/GRU/RNN (tests/goldens/make_recurrent.py).</summary>
public class RecurrentGoldenTests
{
    public static readonly TheoryData<string> Cases = new()
    {
        "recurrent_lstm", "recurrent_lstm_state", "recurrent_lstm_wide", "recurrent_gru", "recurrent_gru_state",
        "recurrent_gru_wide", "recurrent_rnn", "recurrent_rnn_state_nobias", "recurrent_rnn_wide",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Full_sequence_output_and_gradients_match_PyTorch(string name) =>
        CheckAgainstGolden(Golden.Load(name), returnSequences: true, prefix: "", upstream: "grad_output", output: "output");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Last_step_output_and_gradients_match_PyTorch(string name) =>
        CheckAgainstGolden(Golden.Load(name), returnSequences: false, prefix: "last.", upstream: "grad_output_last", output: "output_last");

    private static void CheckAgainstGolden(Golden golden, bool returnSequences, string prefix, string upstream, string output)
    {
        var layer = Create(golden, returnSequences);
        // CopyInto fails unless PyTorch's state_dict has each parameter under the same name and shape.
        foreach (var parameter in layer.Parameters) golden.CopyInto(parameter.Name, parameter.Value);
        using var input = golden.Tensor("input");
        SetInitialState(golden, layer);

        var actual = layer.Forward(input, training: true);
        using (var expected = golden.Tensor(output)) TensorAssert.Close(expected, actual, what: $"{golden.Name} {output}");

        using var upstreamGradient = golden.Tensor(upstream);
        var inputGradient = layer.Backward(upstreamGradient);
        using (var expected = golden.Tensor(prefix + "grad_input")) TensorAssert.Close(expected, inputGradient, what: $"{golden.Name} {prefix}grad_input");
        foreach (var parameter in layer.Parameters)
        {
            using var expected = golden.Tensor($"{prefix}grad.{parameter.Name}");
            TensorAssert.Close(expected, parameter.Gradient, what: $"{golden.Name} {prefix}grad.{parameter.Name}");
        }
        if (golden.Has("h0"))
        {
            using (var expected = golden.Tensor(prefix + "grad_h0")) TensorAssert.Close(expected, layer.InitialHiddenStateGradient, what: $"{golden.Name} {prefix}grad_h0");
        }
        if (golden.Has("c0"))
        {
            using var expected = golden.Tensor(prefix + "grad_c0");
            TensorAssert.Close(expected, ((LSTM)layer).InitialCellStateGradient, what: $"{golden.Name} {prefix}grad_c0");
        }
    }

    private static RecurrentLayer Create(Golden golden, bool returnSequences)
    {
        int Int(string key) => int.Parse(golden.Metadata[key], CultureInfo.InvariantCulture);
        bool Bool(string key) => bool.Parse(golden.Metadata[key]);
        var options = new RecurrentOptions(Int("input_size"), Int("hidden_size"), Int("num_layers"),
            Bool("bidirectional"), returnSequences, Bool("bias"));
        return RecurrentLayers.Create(golden.Metadata["type"], options);
    }

    private static void SetInitialState(Golden golden, RecurrentLayer layer)
    {
        if (!golden.Has("h0")) return;
        using var hidden = golden.Tensor("h0");
        if (golden.Has("c0"))
        {
            using var cell = golden.Tensor("c0");
            ((LSTM)layer).SetInitialState(hidden, cell);
        }
        else layer.SetInitialState(hidden);
    }
}
