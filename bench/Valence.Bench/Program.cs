using Valence.Bench;
using Valence.Nn.Kernels;

// Valence's benchmarks, one command each: `dotnet run -c Release --project bench/Valence.Bench -- gemm [--tsv]`.
const string Usage = "usage: Valence.Bench gemm [--tsv] | kernel | paper-small [--onnx FILE] [--repeats N]";
switch (args.FirstOrDefault())
{
    case "gemm":
        GemmBenchmark.Run(tsv: args.Contains("--tsv"), Console.Out);
        return 0;
    case "paper-small":
        PaperSmallBenchmark.Run(Option("--onnx"), int.Parse(Option("--repeats") ?? "30"), Console.Out);
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
