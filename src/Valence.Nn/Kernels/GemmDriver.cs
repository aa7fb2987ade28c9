using static Valence.Nn.Kernels.GemmBlocking;

namespace Valence.Nn.Kernels;

/// <summary>
/// The single-threaded blocked GEMM (the GotoBLAS loop nest): for each nc-wide block of columns and kc-deep slice
/// of k, pack B once; for each mc-tall block of rows, (pack A and) sweep the micro-kernel over its MR×NR tiles.
/// </summary>
internal static unsafe class GemmDriver
{
    /// <summary>
    /// Below this many NR-wide panels per B block, A is read in place instead of packed: packing costs about as
    /// much as one sweep over A, and it pays back only when the sweep repeats for many panels.
    /// </summary>
    private const int MinPanelsToPackA = 4;

    /// <summary>Computes <paramref name="problem"/> on the calling thread.</summary>
    public static void Multiply(in GemmProblem problem)
    {
        GemmScratch scratch = GemmScratch.ForCurrentThread;
        int m = problem.M, n = problem.N, k = problem.K;
        for (int jc = 0; jc < n; jc += NC)
        {
            int nc = Math.Min(NC, n - jc);
            int panels = (nc + NR - 1) / NR;
            float* packedB = scratch.PackedB(panels * NR * Math.Min(KC, k));
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                GemmPacking.PackB(problem.B.At(pc, jc), kc, nc, packedB);
                // The first slice of k writes C (or adds to it when accumulating); later slices add.
                bool add = problem.Accumulate || pc > 0;
                for (int ic = 0; ic < m; ic += MC)
                {
                    int mc = Math.Min(MC, m - ic);
                    StridedMatrix a = problem.A.At(ic, pc);
                    float* c = problem.C + (nint)ic * problem.Ldc + jc;
                    if (panels >= MinPanelsToPackA)
                    {
                        GemmPacking.PackA(a, mc, kc, scratch.PackedA);
                        // Packed panel q holds rows q·MR…: row stride 1, MR floats per step of k.
                        SweepTiles(new StridedMatrix(scratch.PackedA, 1, MR), panelStride: kc * MR, mc, nc, kc, packedB, c, problem.Ldc, add);
                    }
                    else
                    {
                        SweepTiles(a, panelStride: MR * a.RowStride, mc, nc, kc, packedB, c, problem.Ldc, add);
                    }
                }
            }
        }
    }

    // The macro-kernel: every MR×NR tile of an mc×nc block of C. Panel q of A starts at a.Origin + q·panelStride.
    private static void SweepTiles(StridedMatrix a, nint panelStride, int mc, int nc, int kc,
        float* packedB, float* c, int ldc, bool add)
    {
        for (int jr = 0; jr < nc; jr += NR)
        {
            int columns = Math.Min(NR, nc - jr);
            float* b = packedB + (nint)jr * kc;
            for (int ir = 0, q = 0; ir < mc; ir += MR, q++)
            {
                int rows = Math.Min(MR, mc - ir);
                float* aPanel = a.Origin + q * panelStride;
                float* tile = c + (nint)ir * ldc + jr;
                if (GemmMicroKernelAvx2.IsSupported)
                    GemmMicroKernelAvx2.Run(kc, aPanel, a.RowStride, a.ColumnStride, rows, b, tile, ldc, columns, add);
                else
                    GemmMicroKernelPortable.Run(kc, aPanel, a.RowStride, a.ColumnStride, rows, b, tile, ldc, columns, add);
            }
        }
    }
}
