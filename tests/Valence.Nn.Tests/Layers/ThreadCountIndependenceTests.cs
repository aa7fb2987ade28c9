using Valence.Nn.Initialization;
using Valence.Nn.Kernels;
using Valence.Nn.Layers;
using Valence.Nn.Losses;
using Valence.Nn.Optimizers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Kernels;

namespace Valence.Nn.Tests.Layers;

/// <summary>
/// Layers that split work over threads (recurrent time loops over slices of the batch, GEMMs over tiles) give the
/// same bits on 1, 2 or 3 threads.
/// </summary>
[Collection(WorkersCollection.Name)]
public class ThreadCountIndependenceTests
{
    public static TheoryData<string, int, int, int> RecurrentCases()
    {
        var cases = new TheoryData<string, int, int, int>();
        foreach (string type in new[] { "LSTM", "GRU", "SimpleRNN" })
        {
            cases.Add(type, 9, 6, 7);     // slices of 4 and 5 rows on 2 or 3 threads (a slice has at least 4)
            cases.Add(type, 64, 12, 64);  // the paper model's LSTM: slices of 32 or 21/21/22 rows
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(RecurrentCases))]
    public void Recurrent_outputs_and_gradients_do_not_depend_on_the_thread_count(string type, int batch, int time, int hidden)
    {
        var single = RecurrentRun(1, type, batch, time, hidden);
        foreach (int threads in new[] { 2, 3 })
        {
            var run = RecurrentRun(threads, type, batch, time, hidden);
            Assert.Equal(single.Count, run.Count);
            for (int i = 0; i < single.Count; i++) Assert.Equal(single[i], run[i]);
        }
    }

    public static TheoryData<string> SlicedLayers() => ["pool", "overlapping pool", "permute", "relu", "conv"];

    [Theory]
    [MemberData(nameof(SlicedLayers))]
    public void Layers_sliced_over_rows_or_batch_give_the_same_bits_on_any_thread_count(string kind)
    {
        // [8, 64, 1030]: 512 rows and 527 k elements, enough for every layer to split over 2 and 3 threads.
        var single = LayerRun(1, kind);
        foreach (int threads in new[] { 2, 3 })
        {
            var run = LayerRun(threads, kind);
            for (int i = 0; i < single.Count; i++) Assert.Equal(single[i], run[i]);
        }
    }

    [Fact]
    public void A_model_trained_for_two_steps_has_the_same_weights_on_any_thread_count()
    {
        var single = TrainModel(1);
        foreach (int threads in new[] { 2, 3 })
        {
            var run = TrainModel(threads);
            for (int i = 0; i < single.Count; i++) Assert.Equal(single[i], run[i]);
        }
    }

    // Output, input gradient, ∂L/∂h0 and every parameter gradient of a two-layer bidirectional layer with an initial state.
    private static List<float[]> RecurrentRun(int threads, string type, int batch, int time, int hidden)
    {
        return WithThreads(threads, () =>
        {
            var layer = RecurrentLayers.Create(type, new RecurrentOptions(5, hidden, numLayers: 2, bidirectional: true));
            layer.Initialize(new Rng(1));
            using var input = Random(new TensorShape(batch, time, 5), seed: 2);
            using var state = Random(new TensorShape(4, batch, hidden), seed: 3);
            layer.SetInitialState(state);
            var results = new List<float[]> { layer.Forward(input, training: true).ReadOnlySpan.ToArray() };
            using var gradient = Random(new TensorShape(batch, time, 2 * hidden), seed: 4);
            results.Add(layer.Backward(gradient).ReadOnlySpan.ToArray());
            results.Add(layer.InitialHiddenStateGradient.ReadOnlySpan.ToArray());
            foreach (var parameter in layer.Parameters) results.Add(parameter.Gradient.ReadOnlySpan.ToArray());
            return results;
        });
    }

    private static List<float[]> LayerRun(int threads, string kind)
    {
        return WithThreads(threads, () =>
        {
            Layer layer = kind switch
            {
                "pool" => new MaxPool1D("pool", new Pool1DOptions(2)),
                "overlapping pool" => new MaxPool1D("pool", new Pool1DOptions(3, 1)),
                "permute" => new Permute("permute"),
                "relu" => new ReLU("relu"),
                _ => new Conv1D("conv", new Conv1DOptions(64, 8, 5)),
            };
            layer.Initialize(new Rng(7));
            using var input = Random(new TensorShape(8, 64, 1030), seed: 8);
            var output = layer.Forward(input, training: true);
            using var gradient = Random(output.Shape, seed: 9);
            var results = new List<float[]> { output.ReadOnlySpan.ToArray(), layer.Backward(gradient).ReadOnlySpan.ToArray() };
            foreach (var parameter in layer.Parameters) results.Add(parameter.Gradient.ReadOnlySpan.ToArray());
            return results;
        });
    }

    private static List<float[]> TrainModel(int threads)
    {
        return WithThreads(threads, () =>
        {
            var model = new Sequential("model",
                new Conv1D("conv", new Conv1DOptions(6, 16, 3)),
                new ReLU("relu1"),
                new MaxPool1D("pool", new Pool1DOptions(2)),
                new Permute("to_time_major"),
                new LSTM("lstm", new RecurrentOptions(16, 32, returnSequences: false)),
                new Dense("fc1", new DenseOptions(32, 16)),
                new ReLU("relu2"),
                new Dense("fc2", new DenseOptions(16, 4)));
            model.Initialize(new Rng(5));
            var optimizer = new Adam(model.StateParameters().Select(p => p.Parameter), learningRate: 1e-2);
            var loss = new SoftmaxCrossEntropy();
            using var x = Random(new TensorShape(24, 6, 40), seed: 6);
            var labels = Enumerable.Range(0, 24).Select(i => i % 4).ToArray();
            var results = new List<float[]>();
            for (int step = 0; step < 2; step++)
            {
                optimizer.ZeroGrad();
                results.Add([(float)loss.Forward(model.Forward(x, training: true), labels)]);
                model.Backward(loss.Backward());
                optimizer.Step();
            }
            foreach (var (_, parameter) in model.StateParameters()) results.Add(parameter.Value.ReadOnlySpan.ToArray());
            return results;
        });
    }

    private static T WithThreads<T>(int threads, Func<T> run)
    {
        int previous = Workers.MaxThreads;
        try
        {
            Workers.MaxThreads = threads;
            return run();
        }
        finally
        {
            Workers.MaxThreads = previous;
        }
    }

    private static Tensor Random(TensorShape shape, ulong seed)
    {
        var tensor = new Tensor(shape);
        new Rng(seed).FillUniform(tensor.Span, -1f, 1f);
        return tensor;
    }
}
