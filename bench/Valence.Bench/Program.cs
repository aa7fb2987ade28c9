using Valence.Bench;
using Valence.Nn.Kernels;

// Valence's benchmarks, one command each: `dotnet run -c Release --project bench/Valence.Bench -- gemm [--tsv]`.
const string Usage = "usage: Valence.Bench gemm [--tsv] | kernel | paper-small [--onnx FILE] [--repeats N]"
    + " | deap-synth DIR [--format PreprocessedPython|PreprocessedMatlab|Raw] [--subjects N] [--trials N] [--trial-seconds S] [--seed N]"
    + " | deap-generate [--subjects N] | deap-read DIR [--rounds N] | bandpass [--repeats N] [--threads N] | pipeline DIR"
    + " | epoch [--subjects N] [--batches N] [--threads 1,2]";
switch (args.FirstOrDefault())
{
    case "gemm":
        GemmBenchmark.Run(tsv: args.Contains("--tsv"), Console.Out);
        return 0;
    case "paper-small":
        PaperSmallBenchmark.Run(Option("--onnx"), int.Parse(Option("--repeats") ?? "30"), Console.Out);
        return 0;
    case "deap-synth":
        DeapBenchmark.Synthesize(args[1], Enum.Parse<Valence.Eeg.Formats.DeapFormat>(Option("--format") ?? "PreprocessedPython"),
            int.Parse(Option("--subjects") ?? "32"), int.Parse(Option("--trials") ?? "40"),
            double.Parse(Option("--trial-seconds") ?? "60", System.Globalization.CultureInfo.InvariantCulture), ulong.Parse(Option("--seed") ?? "1"), Console.Out);
        return 0;
    case "deap-generate":
        DeapBenchmark.Generate(int.Parse(Option("--subjects") ?? "32"), Console.Out);
        return 0;
    case "deap-read":
        DeapBenchmark.Read(args[1], int.Parse(Option("--rounds") ?? "3"), Console.Out);
        return 0;
    case "bandpass":
        BandPassBenchmark.Run(int.Parse(Option("--repeats") ?? "5"), int.Parse(Option("--threads") ?? "-1"), Console.Out);
        return 0;
    case "pipeline":
        PipelineBenchmark.Run(args[1], Console.Out);
        return 0;
    case "epoch":
        EpochBenchmark.Run(int.Parse(Option("--subjects") ?? "32"), Option("--batches") is { } batches ? int.Parse(batches) : null,
            [.. (Option("--threads") ?? "1,2").Split(',').Select(int.Parse)], Console.Out);
        return 0;
    case "kernel":
        Console.WriteLine(Gemm.KernelName);
        return 0;
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}

string? Option(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
