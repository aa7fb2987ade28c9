using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Valence.Eeg.Preprocessing;

// Zero-phase filter benchmark (issue 4), the C# side of bench/reference/sosfiltfilt_bench.py: one DEAP subject's EEG,
// 40 trials × 32 channels × 8064 samples at 128 Hz, through a 4th-order Butterworth band-pass 4–45 Hz (4 sections)
// forwards and backwards, as float64 and as float32 rows.
// Usage: dotnet run -c Release --project bench/Valence.Eeg.Bench -- [--repeats R] [--threads T]
// Prints one JSON line: median and minimum seconds per call for each element type, filtering into a new array (as
// scipy returns one) and into an existing one (the filter's own cost).

int repeats = 5, threads = -1;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    int value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    if (args[i] == "--repeats") repeats = value;
    else if (args[i] == "--threads") threads = value;
    else throw new ArgumentException($"Unknown option {args[i]}; use --repeats R and --threads T.");
}

const int trials = 40, channels = 32, samples = 8064;
SecondOrderSections sos = ButterworthDesign.BandPass(4, 4, 45, 128);
var random = new Random(0);
double[] x64 = new double[trials * channels * samples];
for (int i = 0; i < x64.Length; i++) x64[i] = 20.0 * (random.NextDouble() - 0.5);
float[] x32 = Array.ConvertAll(x64, v => (float)v);
double[] y64 = new double[x64.Length];
float[] y32 = new float[x32.Length];

var result = new Dictionary<string, object>
{
    ["shape"] = new[] { trials, channels, samples },
    ["sections"] = sos.Count,
    ["repeats"] = repeats,
    ["threads"] = threads < 0 ? Environment.ProcessorCount : threads,
    ["float64"] = Time(() => ZeroPhaseSosFilter.ApplyToRows(sos, x64, GC.AllocateUninitializedArray<double>(x64.Length), samples, threads)),
    ["float32"] = Time(() => ZeroPhaseSosFilter.ApplyToRows(sos, x32, GC.AllocateUninitializedArray<float>(x32.Length), samples, threads)),
    ["float64_into_existing"] = Time(() => ZeroPhaseSosFilter.ApplyToRows(sos, x64, y64, samples, threads)),
    ["float32_into_existing"] = Time(() => ZeroPhaseSosFilter.ApplyToRows(sos, x32, y32, samples, threads)),
};
Console.WriteLine(JsonSerializer.Serialize(result));

Dictionary<string, double> Time(Action run)
{
    run();
    var times = new List<double>();
    for (int r = 0; r < repeats; r++)
    {
        var watch = Stopwatch.StartNew();
        run();
        times.Add(watch.Elapsed.TotalSeconds);
    }
    times.Sort();
    return new Dictionary<string, double> { ["median_s"] = times[times.Count / 2], ["min_s"] = times[0] };
}
