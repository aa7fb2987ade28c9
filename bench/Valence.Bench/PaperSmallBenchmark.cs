using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using DenseTensor = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>;
using Valence.Nn.Initialization;
using Valence.Nn.Kernels;
using Valence.Nn.Layers;
using Valence.Nn.Losses;
using Valence.Nn.Optimizers;
using Valence.Nn.Tensors;

namespace Valence.Bench;

/// <summary>
/// The "paper-small" reference model of issue 2 on Valence and, for inference, on ONNX Runtime running the model
/// that bench/reference/paper_small.py exported from PyTorch: median milliseconds per training step (batch 64),
/// per inference of 64 windows and of one window, and managed bytes allocated per training step in steady state.
/// </summary>
/// <remarks>
/// Input [batch, 14, 256]; Conv1d(14→64, k=3) → ReLU → MaxPool1d(2) → LSTM(64→64), last step → Linear(64→64) →
/// ReLU → Linear(64→4); cross-entropy; Adam(lr 1e-3).
/// </remarks>
public static class PaperSmallBenchmark
{
    private const int Batch = 64, Channels = 14, Time = 256, Classes = 4;

    /// <summary>The model, with PyTorch's module names.</summary>
    public static Sequential Build() => new("paper_small",
        new Conv1D("conv", new Conv1DOptions(Channels, 64, 3)),
        new ReLU("relu1"),
        new MaxPool1D("pool", new Pool1DOptions(2)),
        new Permute("to_time_major"),
        new LSTM("lstm", new RecurrentOptions(64, 64, returnSequences: false)),
        new Dense("fc1", new DenseOptions(64, 64)),
        new ReLU("relu2"),
        new Dense("fc2", new DenseOptions(64, Classes)));

    /// <summary>Measures Valence (and ONNX Runtime when <paramref name="onnxPath"/> is given) at each thread count; one JSON line per runtime and thread count.</summary>
    public static void Run(string? onnxPath, int repeats, TextWriter output)
    {
        foreach (int threads in new[] { 1, 2 })
        {
            output.WriteLine(JsonSerializer.Serialize(MeasureValence(threads, repeats)));
            if (onnxPath is not null)
                output.WriteLine(JsonSerializer.Serialize(MeasureOnnxRuntime(onnxPath, threads, repeats)));
        }
    }

    private static Dictionary<string, object> MeasureValence(int threads, int repeats)
    {
        Workers.MaxThreads = threads;
        var rng = new Rng(0);
        var model = Build();
        model.Initialize(rng);
        model.InputGradientRequired = false;
        var optimizer = new Adam(model.StateParameters().Select(p => p.Parameter), learningRate: 1e-3);
        var loss = new SoftmaxCrossEntropy();
        using var x = new Tensor(Batch, Channels, Time);
        rng.FillUniform(x.Span, -1, 1);
        var y = new int[Batch];
        for (int i = 0; i < Batch; i++) y[i] = rng.NextInt(Classes);
        using var one = new Tensor(1, Channels, Time);
        rng.FillUniform(one.Span, -1, 1);

        void TrainStep()
        {
            optimizer.ZeroGrad();
            loss.Forward(model.Forward(x, training: true), y);
            model.Backward(loss.Backward());
            optimizer.Step();
        }

        double train = MedianMilliseconds(TrainStep, repeats);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) TrainStep();
        long allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 10;
        double inference = MedianMilliseconds(() => model.Forward(x, training: false), repeats);
        double single = MedianMilliseconds(() => model.Forward(one, training: false), repeats * 5);
        return new()
        {
            ["runtime"] = "valence", ["kernel"] = Gemm.KernelName, ["threads"] = threads,
            ["train_step_ms"] = train, ["inference_batch64_ms"] = inference, ["inference_single_ms"] = single,
            ["allocated_bytes_per_step"] = allocated,
        };
    }

    private static Dictionary<string, object> MeasureOnnxRuntime(string onnxPath, int threads, int repeats)
    {
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        using var session = new InferenceSession(onnxPath, options);
        string inputName = session.InputMetadata.Keys.First();
        var rng = new Rng(0);
        NamedOnnxValue[] Input(int batch)
        {
            var tensor = new DenseTensor([batch, Channels, Time]);
            rng.FillUniform(tensor.Buffer.Span, -1, 1);
            return [NamedOnnxValue.CreateFromTensor(inputName, tensor)];
        }
        var batchInput = Input(Batch);
        var oneInput = Input(1);
        double inference = MedianMilliseconds(() => session.Run(batchInput).Dispose(), repeats);
        double single = MedianMilliseconds(() => session.Run(oneInput).Dispose(), repeats * 5);
        return new()
        {
            ["runtime"] = "onnxruntime", ["threads"] = threads,
            ["inference_batch64_ms"] = inference, ["inference_single_ms"] = single,
        };
    }

    private static double MedianMilliseconds(Action action, int repeats)
    {
        for (int i = 0; i < Math.Max(3, repeats / 4); i++) action();
        var times = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[repeats / 2];
    }
}
