using Valence.Bench;
using Valence.Nn.Kernels;

// Valence's benchmarks, one command each: `dotnet run -c Release --project bench/Valence.Bench -- gemm [--tsv]`.
// New benchmarks (a training step of the paper's small model, inference) become further cases here.
const string Usage = "usage: Valence.Bench gemm [--tsv] | kernel";
switch (args.FirstOrDefault())
{
    case "gemm":
        GemmBenchmark.Run(tsv: args.Contains("--tsv"), Console.Out);
        return 0;
    case "kernel":
        Console.WriteLine(Gemm.KernelName);
        return 0;
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}
