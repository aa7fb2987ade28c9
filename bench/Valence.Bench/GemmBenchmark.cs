using System.Diagnostics;
using Valence.Nn.Kernels;

namespace Valence.Bench;

/// <summary>
/// GFLOP/s of <see cref="Gemm.Multiply"/> on <see cref="GemmShape.All"/>, on one and two threads: the median of
/// several timed samples after a warm-up, each sample long enough (≥ 20 ms) for the clock to be exact.
/// </summary>
public static class GemmBenchmark
{
    private static readonly int[] ThreadCounts = [1, 2];
    private const int Samples = 7;
    private static readonly TimeSpan SampleTime = TimeSpan.FromMilliseconds(20);

    /// <summary>Times every shape and writes a table, or tab-separated "shape, threads, GFLOP/s" lines with <paramref name="tsv"/>.</summary>
    public static void Run(bool tsv, TextWriter output)
    {
        if (!tsv) output.WriteLine($"{"shape",-36} {"threads",7} {"GFLOP/s",9}");
        foreach (GemmShape shape in GemmShape.All)
        {
            foreach (int threads in ThreadCounts)
            {
                Workers.MaxThreads = threads;
                double gflops = Measure(shape);
                output.WriteLine(tsv ? $"{shape.Name}\t{threads}\t{gflops:F2}" : $"{shape.Name,-36} {threads,7} {gflops,9:F2}");
            }
        }
    }

    private static double Measure(GemmShape shape)
    {
        var a = Random(shape.M * shape.K, 1);
        var b = Random(shape.K * shape.N, 2);
        var c = new float[shape.M * shape.N];
        int lda = shape.TransposeA ? shape.M : shape.K, ldb = shape.TransposeB ? shape.K : shape.N;
        void Once() => Gemm.Multiply(shape.TransposeA, shape.TransposeB, shape.M, shape.N, shape.K, a, lda, b, ldb, c, shape.N);

        // Warm up (the JIT's tiers, the packing buffers, the worker threads) and size a sample from the warm calls.
        int calls = 1;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < SampleTime * 10)
        {
            for (int i = 0; i < calls; i++) Once();
            calls *= 2;
        }
        double secondsPerCall = clock.Elapsed.TotalSeconds / (2 * calls - 1);
        int callsPerSample = Math.Max(1, (int)(SampleTime.TotalSeconds / secondsPerCall));

        var rates = new double[Samples];
        for (int s = 0; s < Samples; s++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < callsPerSample; i++) Once();
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            rates[s] = shape.Flops * callsPerSample / seconds / 1e9;
        }
        Array.Sort(rates);
        return rates[Samples / 2];
    }

    private static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }
}
