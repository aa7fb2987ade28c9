using System.Numerics;
using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

/// <summary>
/// A small subset of the GEMM conformance cases, run in a child process so that each SIMD path of the kernels is
/// checked on one machine (see <see cref="SimdPathTests"/>). It reports which micro-kernel and vector width ran.
/// </summary>
public static class SimdPathCheck
{
    /// <summary>The child-process command that runs this check.</summary>
    public const string Command = "gemm-simd-check";

    private static readonly (int M, int N, int K)[] Shapes = [(1, 1, 1), (7, 17, 5), (19, 33, 17), (13, 65, 31), (64, 4, 64), (5, 19, 260), (1, 300, 20), (8, 70, 300)];

    /// <summary>Runs the cases, writes a summary line (and any failures) to <paramref name="output"/>, returns 0 when all pass.</summary>
    public static int Run(TextWriter output)
    {
        output.WriteLine($"kernel={Gemm.KernelName} " +
                         $"vector={Vector<float>.Count} accelerated={Vector.IsHardwareAccelerated}");
        int cases = 0, failures = 0;
        foreach (var (m, n, k) in Shapes)
        {
            foreach (var gemmCase in GemmCase.AllVariants(m, n, k))
            {
                cases++;
                string? failure = gemmCase.Check();
                if (failure is null) continue;
                failures++;
                output.WriteLine(failure);
            }
        }
        output.WriteLine($"{cases - failures} of {cases} cases passed");
        return failures == 0 ? 0 : 1;
    }
}
