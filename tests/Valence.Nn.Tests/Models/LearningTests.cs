using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Losses;
using Valence.Nn.Optimizers;
using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Models;

/// <summary>The engine learns tasks whose answer is known, and the same seed gives the same model bit for bit.</summary>
public class LearningTests
{
    private const int Length = 64, Classes = 4;
    private static readonly float[] Frequencies = [2f, 5f, 9f, 14f]; // cycles per window

    /// <summary>Noisy sines of one of four frequencies, random phase and amplitude; the class is the frequency.</summary>
    private static (Tensor X, int[] Y) NoisySines(int count, Rng rng)
    {
        var x = new Tensor(count, 1, Length);
        var y = new int[count];
        for (int n = 0; n < count; n++)
        {
            y[n] = rng.NextInt(Classes);
            float phase = rng.NextFloat() * 2 * MathF.PI, amplitude = 0.5f + rng.NextFloat();
            for (int t = 0; t < Length; t++)
                x[n, 0, t] = amplitude * MathF.Sin(2 * MathF.PI * Frequencies[y[n]] * t / Length + phase) + 0.5f * (float)rng.NextGaussian();
        }
        return (x, y);
    }

    private static Sequential ConvLstm() => new("model",
        new Conv1D("conv", new Conv1DOptions(1, 8, 5, padding: PaddingMode.Same)),
        new ReLU("relu"),
        new MaxPool1D("pool", new Pool1DOptions(2)),
        new Permute("to_time_major"),
        new LSTM("lstm", new RecurrentOptions(8, 16, returnSequences: false)),
        new Dense("fc", new DenseOptions(16, Classes)));

    private static void Train(Sequential model, Tensor x, int[] y, int epochs, int batch, ulong seed)
    {
        var rng = new Rng(seed);
        model.Initialize(rng);
        model.InputGradientRequired = false;
        var optimizer = new Adam(model.StateParameters().Select(p => p.Parameter), learningRate: 3e-3);
        var loss = new SoftmaxCrossEntropy();
        int count = y.Length;
        var order = Enumerable.Range(0, count).ToArray();
        using var xb = new Tensor(batch, 1, Length);
        var yb = new int[batch];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order.AsSpan());
            for (int start = 0; start + batch <= count; start += batch)
            {
                for (int i = 0; i < batch; i++)
                {
                    x.ReadOnlySpan.Slice(order[start + i] * Length, Length).CopyTo(xb.Span.Slice(i * Length, Length));
                    yb[i] = y[order[start + i]];
                }
                optimizer.ZeroGrad();
                loss.Forward(model.Forward(xb, training: true), yb);
                model.Backward(loss.Backward());
                optimizer.Step();
            }
        }
    }

    private static double Accuracy(Sequential model, Tensor x, int[] y)
    {
        var logits = model.Forward(x, training: false);
        int correct = 0;
        for (int n = 0; n < y.Length; n++)
        {
            int best = 0;
            for (int c = 1; c < Classes; c++)
                if (logits[n, c] > logits[n, best]) best = c;
            if (best == y[n]) correct++;
        }
        return (double)correct / y.Length;
    }

    [Fact]
    public void Learns_which_of_four_frequencies_a_noisy_sine_has()
    {
        var (trainX, trainY) = NoisySines(512, new Rng(1));
        var (testX, testY) = NoisySines(256, new Rng(2));
        var model = ConvLstm();
        Train(model, trainX, trainY, epochs: 15, batch: 32, seed: 3);
        double accuracy = Accuracy(model, testX, testY);
        Console.WriteLine($"noisy-sine held-out accuracy: {accuracy:P1}");
        Assert.True(accuracy >= 0.9, $"held-out accuracy {accuracy:P1} is below 90% (chance is 25%).");
        trainX.Dispose();
        testX.Dispose();
    }

    [Fact]
    public void Same_seed_gives_bit_identical_weights_after_training_and_another_seed_does_not()
    {
        var (x, y) = NoisySines(96, new Rng(5));
        float[] Weights(ulong seed)
        {
            var model = ConvLstm();
            Train(model, x, y, epochs: 2, batch: 16, seed: seed);
            return model.StateParameters().SelectMany(p => p.Parameter.Value.Span.ToArray()).ToArray();
        }
        var first = Weights(7);
        Assert.Equal(first, Weights(7));
        Assert.NotEqual(first, Weights(8));
    }
}
