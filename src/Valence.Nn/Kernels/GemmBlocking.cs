namespace Valence.Nn.Kernels;

/// <summary>
/// The register and cache blocking of the packed GEMM (BLIS/GotoBLAS loop nest), chosen for AVX2 cores with a
/// 32–48 KiB L1 and a 0.5–1 MiB L2 per core.
/// </summary>
internal static class GemmBlocking
{
    /// <summary>Rows of C per micro-kernel call: 6 rows × 2 vectors = 12 accumulators of the 16 AVX2 registers.</summary>
    public const int MR = 6;

    /// <summary>Columns of C per micro-kernel call: two 8-float vectors.</summary>
    public const int NR = 16;

    /// <summary>Depth of one packed block: a kc×NR panel of B (16 KiB) stays in L1 while the micro-kernel sweeps A.</summary>
    public const int KC = 256;

    /// <summary>Rows of one packed block of A: mc×kc floats (about 120 KiB) stay in L2 while the kernel sweeps B.</summary>
    public const int MC = 120;

    /// <summary>Columns of one packed block of B: kc×nc floats (2 MiB) live in L3.</summary>
    public const int NC = 2048;
}
