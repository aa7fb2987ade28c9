using System.Diagnostics;
using System.Text.Json;
using Valence.Eeg.Preprocessing;

namespace Valence.Bench;

/// <summary>
/// Zero-phase filter benchmark (issue 4), the C# side of bench/reference/sosfiltfilt_bench.py: one DEAP subject's EEG,
/// 40 trials × 32 channels × 8064 samples at 128 Hz, through a 4th-order Butterworth band-pass 4–45 Hz (4 sections)
/// forwards and backwards, as float64 and as float32 rows. Prints one JSON line: median and minimum seconds per call
/// for each element type, filtering into a new array (as scipy returns one) and into an existing one.
/// </summary>
public static class BandPassBenchmark
{
    private const int Trials = 40, Channels = 32, Samples = 8064;

    /// <summary>Times the filter <paramref name="repeats"/> times on <paramref name="threads"/> threads (−1: all).</summary>
    public static void Run(int repeats, int threads, TextWriter output)
    {
        SecondOrderSections sos = ButterworthDesign.BandPass(4, 4, 45, 128);
        var random = new Random(0);
        double[] x64 = new double[Trials * Channels * Samples];
        for (int i = 0; i < x64.Length; i++) x64[i] = 20.0 * (random.NextDouble() - 0.5);
        float[] x32 = Array.ConvertAll(x64, v => (float)v);
        double[] y64 = new double[x64.Length];
        float[] y32 = new float[x32.Length];

        var result = new Dictionary<string, object>
        {
            ["shape"] = new[] { Trials, Channels, Samples },
            ["sections"] = sos.Count,
            ["repeats"] = repeats,
            ["threads"] = threads < 0 ? Environment.ProcessorCount : threads,
            ["float64"] = Time(() => ZeroPhaseSosFilter.ApplyToRows(sos, x64, GC.AllocateUninitializedArray<double>(x64.Length), Samples, threads), repeats),
            ["float32"] = Time(() => ZeroPhaseSosFilter.ApplyToRows(sos, x32, GC.AllocateUninitializedArray<float>(x32.Length), Samples, threads), repeats),
            ["float64_into_existing"] = Time(() => ZeroPhaseSosFilter.ApplyToRows(sos, x64, y64, Samples, threads), repeats),
            ["float32_into_existing"] = Time(() => ZeroPhaseSosFilter.ApplyToRows(sos, x32, y32, Samples, threads), repeats),
        };
        output.WriteLine(JsonSerializer.Serialize(result));
    }

    private static Dictionary<string, double> Time(Action run, int repeats)
    {
        run();
        var times = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        times.Sort();
        return new Dictionary<string, double> { ["median_s"] = times[times.Count / 2], ["min_s"] = times[0] };
    }
}
