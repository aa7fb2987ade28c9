namespace Valence.Nn.Kernels;

/// <summary>
/// The single-threaded blocked GEMM (the GotoBLAS loop nest): for each nc-wide block of columns and kc-deep slice
/// of k, pack B once; for each mc-tall block of rows, (pack A and) sweep the micro-kernel over its MR×NR tiles.
/// </summary>
internal static unsafe class GemmDriver<TKernel> where TKernel : struct, IGemmMicroKernel
{
    /// <summary>
    /// Below this many NR-wide panels per B block, A is read in place instead of packed: packing costs about as
    /// much as one sweep over A, and it pays back only when the sweep repeats for many panels.
    /// </summary>
    private const int MinPanelsToPackA = 4;

    /// <summary>Computes <paramref name="problem"/> on the calling thread.</summary>
    public static void Multiply(in GemmProblem problem)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        GemmScratch scratch = GemmScratch.ForCurrentThread;
        int m = problem.M, n = problem.N, k = problem.K;
        for (int jc = 0; jc < n; jc += TKernel.NC)
        {
            int nc = Math.Min(TKernel.NC, n - jc);
            int panels = (nc + nr - 1) / nr;
            float* packedB = scratch.PackedB(panels * nr * Math.Min(TKernel.KC, k));
            for (int pc = 0; pc < k; pc += TKernel.KC)
            {
                int kc = Math.Min(TKernel.KC, k - pc);
                GemmPacking.PackB(problem.B.At(pc, jc), kc, nc, nr, packedB);
                // The first slice of k writes C (or adds to it when accumulating); later slices add.
                bool add = problem.Accumulate || pc > 0;
                for (int ic = 0; ic < m; ic += TKernel.MC)
                {
                    int mc = Math.Min(TKernel.MC, m - ic);
                    StridedMatrix a = problem.A.At(ic, pc);
                    StridedMatrix c = problem.C.At(ic, jc);
                    if (panels >= MinPanelsToPackA)
                    {
                        float* packedA = scratch.PackedA(TKernel.MC * TKernel.KC);
                        GemmPacking.PackA(a, mc, kc, mr, packedA);
                        // Packed panel q holds rows q·MR…: row stride 1, MR floats per step of k.
                        SweepTiles(new StridedMatrix(packedA, 1, mr), panelStride: kc * mr, mc, nc, kc, packedB, c, add);
                    }
                    else
                    {
                        SweepTiles(a, panelStride: mr * a.RowStride, mc, nc, kc, packedB, c, add);
                    }
                }
            }
        }
    }

    // The macro-kernel: every MR×NR tile of an mc×nc block of C. Panel q of A starts at a.Origin + q·panelStride.
    private static void SweepTiles(StridedMatrix a, nint panelStride, int mc, int nc, int kc,
        float* packedB, StridedMatrix c, bool add)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int columns = Math.Min(nr, nc - jr);
            float* b = packedB + (nint)jr * kc;
            for (int ir = 0, q = 0; ir < mc; ir += mr, q++)
            {
                int rows = Math.Min(mr, mc - ir);
                TKernel.Run(kc, a.Origin + q * panelStride, a.RowStride, a.ColumnStride, rows,
                    b, c.At(ir, jr).Origin, c.RowStride, c.ColumnStride, columns, add);
            }
        }
    }
}
