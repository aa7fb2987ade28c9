using System.Text.Json.Nodes;
using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

/// <summary>The recurrent layers' contract: settings, parameters, shapes, initial states, reuse and allocation.</summary>
public class RecurrentLayerTests
{
    [Theory]
    [MemberData(nameof(RecurrentLayers.Types), MemberType = typeof(RecurrentLayers))]
    public void Config_round_trips_through_the_factory(string type)
    {
        var options = new RecurrentOptions(7, 5, numLayers: 2, bidirectional: true, returnSequences: false, bias: false);
        var layer = RecurrentLayers.Create(type, options, "encoder");
        var config = JsonNode.Parse(layer.ToConfig().ToJsonString())!.AsObject();

        var rebuilt = Assert.IsAssignableFrom<RecurrentLayer>(LayerFactory.FromConfig(config));

        Assert.Equal(layer.GetType(), rebuilt.GetType());
        Assert.Equal("encoder", rebuilt.Name);
        Assert.Equal(options, rebuilt.Settings);
        Assert.Equal(layer.Parameters.Select(p => (p.Name, p.Shape)), rebuilt.Parameters.Select(p => (p.Name, p.Shape)));
    }

    [Fact]
    public void Parameters_follow_PyTorch_state_dict_names_shapes_and_order()
    {
        var lstm = new LSTM("lstm", new RecurrentOptions(7, 5, numLayers: 2, bidirectional: true));
        string[] expected =
        [
            "weight_ih_l0 [20, 7]", "weight_hh_l0 [20, 5]", "bias_ih_l0 [20]", "bias_hh_l0 [20]",
            "weight_ih_l0_reverse [20, 7]", "weight_hh_l0_reverse [20, 5]", "bias_ih_l0_reverse [20]", "bias_hh_l0_reverse [20]",
            "weight_ih_l1 [20, 10]", "weight_hh_l1 [20, 5]", "bias_ih_l1 [20]", "bias_hh_l1 [20]",
            "weight_ih_l1_reverse [20, 10]", "weight_hh_l1_reverse [20, 5]", "bias_ih_l1_reverse [20]", "bias_hh_l1_reverse [20]",
        ];
        Assert.Equal(expected, lstm.Parameters.Select(p => p.ToString()));

        var gru = new GRU("gru", new RecurrentOptions(7, 5, bias: false));
        Assert.Equal(["weight_ih_l0 [15, 7]", "weight_hh_l0 [15, 5]"], gru.Parameters.Select(p => p.ToString()));
        var rnn = new SimpleRNN("rnn", new RecurrentOptions(7, 5));
        Assert.Equal(["weight_ih_l0 [5, 7]", "weight_hh_l0 [5, 5]", "bias_ih_l0 [5]", "bias_hh_l0 [5]"], rnn.Parameters.Select(p => p.ToString()));
    }

    [Fact]
    public void Initialize_draws_every_parameter_from_U_of_one_over_root_hidden_reproducibly()
    {
        var a = new GRU("gru", new RecurrentOptions(3, 16, numLayers: 2, bidirectional: true));
        var b = new GRU("gru", new RecurrentOptions(3, 16, numLayers: 2, bidirectional: true));
        a.Initialize(new Rng(5));
        b.Initialize(new Rng(5));
        foreach (var (pa, pb) in a.Parameters.Zip(b.Parameters))
        {
            Assert.Equal(pa.Value.Span.ToArray(), pb.Value.Span.ToArray());
            Assert.InRange(pa.Value.MaxAbs(), 0.2f, 0.25f); // bound 1/√16; the largest of ≥ 48 draws comes near it
        }
    }

    [Theory]
    [InlineData(0, 5, 1, "inputSize")]
    [InlineData(7, 0, 1, "hiddenSize")]
    [InlineData(7, 5, 0, "numLayers")]
    public void Options_below_one_are_refused_naming_the_argument(int input, int hidden, int layers, string argument)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RecurrentOptions(input, hidden, layers));
        Assert.Equal(argument, e.ParamName);
        Assert.Contains("must be at least 1; got 0", e.Message);
    }

    [Fact]
    public void Invalid_options_in_a_config_are_reported_with_the_layer()
    {
        var config = new LSTM("lstm", new RecurrentOptions(7, 5)).ToConfig();
        config["options"]!["hiddenSize"] = 0;
        var e = Assert.Throws<FormatException>(() => LayerFactory.FromConfig(config));
        Assert.Contains("LSTM 'lstm'", e.Message);
        Assert.Contains("hiddenSize", e.Message);
    }

    [Theory]
    [MemberData(nameof(RecurrentLayers.Types), MemberType = typeof(RecurrentLayers))]
    public void Wrong_feature_count_names_the_layer_and_both_shapes(string type)
    {
        var layer = RecurrentLayers.Create(type, new RecurrentOptions(7, 5), "rnn1");
        using var input = new Tensor(3, 4, 5);
        var e = Assert.Throws<ShapeException>(() => layer.Forward(input, training: true));
        Assert.Contains($"{type} 'rnn1'", e.Message);
        Assert.Contains("[3, 4, 5]", e.Message);
        Assert.Contains("[3, 4, 7]", e.Message);
    }

    [Fact]
    public void Input_of_the_wrong_rank_or_without_time_steps_is_refused()
    {
        var layer = new GRU("gru", new RecurrentOptions(7, 5));
        var rank = Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(3, 7)));
        Assert.Contains("GRU 'gru'", rank.Message);
        Assert.Contains("[batch, time, features]", rank.Message);
        var empty = Assert.Throws<ShapeException>(() => layer.GetOutputShape(new TensorShape(3, 0, 7)));
        Assert.Contains("at least one batch item and one time step", empty.Message);
    }

    [Fact]
    public void Output_shapes_follow_directions_and_the_output_mode()
    {
        var input = new TensorShape(3, 4, 7);
        Assert.Equal(new TensorShape(3, 4, 10), new LSTM("a", new RecurrentOptions(7, 5, bidirectional: true)).GetOutputShape(input));
        Assert.Equal(new TensorShape(3, 10), new LSTM("a", new RecurrentOptions(7, 5, bidirectional: true, returnSequences: false)).GetOutputShape(input));
        Assert.Equal(new TensorShape(3, 5), new GRU("a", new RecurrentOptions(7, 5, numLayers: 3, returnSequences: false)).GetOutputShape(input));
    }

    [Theory]
    [MemberData(nameof(RecurrentLayers.Types), MemberType = typeof(RecurrentLayers))]
    public void Last_step_output_is_the_last_step_of_the_sequence_output(string type)
    {
        var sequence = RecurrentLayers.Create(type, new RecurrentOptions(7, 5, numLayers: 2, bidirectional: true));
        var last = RecurrentLayers.Create(type, new RecurrentOptions(7, 5, numLayers: 2, bidirectional: true, returnSequences: false));
        sequence.Initialize(new Rng(3));
        last.Initialize(new Rng(3));
        using var input = RandomInput(3, 4, 7, seed: 4);

        var all = sequence.Forward(input, training: false);
        var final = last.Forward(input, training: false);

        for (int b = 0; b < 3; b++)
            for (int j = 0; j < 10; j++)
                Assert.Equal(all[b, 3, j], final[b, j]);
    }

    [Theory]
    [MemberData(nameof(RecurrentLayers.Types), MemberType = typeof(RecurrentLayers))]
    public void Inference_gives_the_training_output_but_no_Backward(string type)
    {
        // Without training the cells skip what only Backward reads; the outputs are the same bits.
        var layer = RecurrentLayers.Create(type, new RecurrentOptions(7, 5, numLayers: 2, bidirectional: true));
        layer.Initialize(new Rng(5));
        using var input = RandomInput(3, 4, 7, seed: 6);
        var trained = layer.Forward(input, training: true).ReadOnlySpan.ToArray();
        var inferred = layer.Forward(input, training: false);
        Assert.Equal(trained, inferred.ReadOnlySpan.ToArray());
        var e = Assert.Throws<InvalidOperationException>(() => layer.Backward(inferred));
        Assert.Contains("Backward needs a preceding Forward with training=true", e.Message);
    }

    [Fact]
    public void Initial_state_applies_to_the_next_Forward_only()
    {
        var layer = new LSTM("lstm", new RecurrentOptions(7, 5, numLayers: 2));
        layer.Initialize(new Rng(1));
        using var input = RandomInput(3, 4, 7, seed: 2);
        using var fromZero = layer.Forward(input, training: false).Clone();
        using var hidden = RandomInput(2, 3, 5, seed: 3);
        using var cell = RandomInput(2, 3, 5, seed: 4);

        layer.SetInitialState(hidden, cell);
        using var fromState = layer.Forward(input, training: false).Clone();
        var again = layer.Forward(input, training: false);

        Assert.True(MaxDifference(fromZero, fromState) > 1e-3, "the initial state should change the output");
        Assert.Equal(fromZero.Span.ToArray(), again.Span.ToArray());
    }

    [Fact]
    public void Initial_states_of_the_wrong_shape_are_refused()
    {
        var layer = new LSTM("lstm", new RecurrentOptions(7, 5, numLayers: 2, bidirectional: true));
        using var wrongCount = new Tensor(2, 3, 5);
        var e = Assert.Throws<ShapeException>(() => layer.SetInitialState(wrongCount));
        Assert.Contains("LSTM 'lstm'", e.Message);
        Assert.Contains("[2, 3, 5]", e.Message);
        Assert.Contains("[4, batch, 5]", e.Message);

        using var hidden = new Tensor(4, 3, 5);
        using var cell = new Tensor(4, 2, 5);
        Assert.Throws<ShapeException>(() => layer.SetInitialState(hidden, cell));

        layer.SetInitialState(hidden);
        using var input = new Tensor(2, 4, 7);
        var batch = Assert.Throws<ShapeException>(() => layer.Forward(input, training: true));
        Assert.Contains("[4, 3, 5]", batch.Message);
        Assert.Contains("[2, 4, 7]", batch.Message);
    }

    [Fact]
    public void Backward_checks_it_follows_a_Forward_of_the_same_output_shape()
    {
        var layer = new SimpleRNN("rnn", new RecurrentOptions(7, 5));
        using var gradient = new Tensor(3, 4, 5);
        Assert.Throws<InvalidOperationException>(() => layer.Backward(gradient));
        using var input = new Tensor(3, 4, 7);
        layer.Forward(input, training: true);
        using var wrong = new Tensor(3, 5);
        var e = Assert.Throws<ShapeException>(() => layer.Backward(wrong));
        Assert.Contains("[3, 5]", e.Message);
        Assert.Contains("[3, 4, 5]", e.Message);
    }

    [Theory]
    [MemberData(nameof(RecurrentLayers.Types), MemberType = typeof(RecurrentLayers))]
    public void Changing_batch_and_length_between_calls_gives_the_results_of_a_fresh_layer(string type)
    {
        var options = new RecurrentOptions(7, 5, numLayers: 2, bidirectional: true);
        var reused = RecurrentLayers.Create(type, options);
        reused.Initialize(new Rng(8));
        using var big = RandomInput(4, 6, 7, seed: 1);
        using var small = RandomInput(2, 3, 7, seed: 2);
        Run(reused, big);
        var (output, inputGradient, weightGradient) = Run(reused, small);

        var fresh = RecurrentLayers.Create(type, options);
        fresh.Initialize(new Rng(8));
        var (freshOutput, freshInputGradient, freshWeightGradient) = Run(fresh, small);

        Assert.Equal(freshOutput, output);
        Assert.Equal(freshInputGradient, inputGradient);
        Assert.Equal(freshWeightGradient, weightGradient);
    }

    [Fact]
    public void Skipping_the_input_gradient_leaves_the_weight_gradients_unchanged()
    {
        var options = new RecurrentOptions(7, 5, numLayers: 2, bidirectional: true);
        var full = new GRU("gru", options);
        var skipping = new GRU("gru", options) { InputGradientRequired = false };
        full.Initialize(new Rng(9));
        skipping.Initialize(new Rng(9));
        using var input = RandomInput(3, 4, 7, seed: 10);

        var expected = Run(full, input).WeightGradients;
        var actual = Run(skipping, input).WeightGradients;

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(RecurrentLayers.Types), MemberType = typeof(RecurrentLayers))]
    public void Forward_and_Backward_allocate_nothing_in_steady_state(string type)
    {
        var layer = RecurrentLayers.Create(type, new RecurrentOptions(7, 12, numLayers: 2, bidirectional: true));
        layer.Initialize(new Rng(1));
        using var input = RandomInput(4, 9, 7, seed: 2);
        using var gradient = RandomInput(4, 9, 24, seed: 3);
        using var state = RandomInput(4, 4, 12, seed: 4);
        void Step()
        {
            layer.SetInitialState(state);
            layer.Forward(input, training: true);
            layer.Backward(gradient);
        }
        Assert.Equal(0, Allocations.SteadyState(Step));
    }

    private static (float[] Output, float[] InputGradient, float[] WeightGradients) Run(RecurrentLayer layer, Tensor input)
    {
        layer.ZeroGradients();
        var output = layer.Forward(input, training: true).Span.ToArray();
        using var upstream = RandomInput(input.Shape[0], input.Shape[1], output.Length / (input.Shape[0] * input.Shape[1]), seed: 11);
        var inputGradient = layer.Backward(upstream).Span.ToArray();
        var weights = layer.Parameters.SelectMany(p => p.Gradient.Span.ToArray()).ToArray();
        return (output, inputGradient, weights);
    }

    private static Tensor RandomInput(int a, int b, int c, ulong seed)
    {
        var tensor = new Tensor(a, b, c);
        new Rng(seed).FillUniform(tensor.Span, -1f, 1f);
        return tensor;
    }

    private static double MaxDifference(Tensor x, Tensor y)
    {
        double max = 0;
        for (int i = 0; i < x.Length; i++) max = Math.Max(max, Math.Abs(x.Span[i] - y.Span[i]));
        return max;
    }
}
