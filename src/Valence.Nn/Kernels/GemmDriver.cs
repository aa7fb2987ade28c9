namespace Valence.Nn.Kernels;

/// <summary>
/// The single-threaded blocked GEMM (the GotoBLAS loop nest): for each nc-wide block of columns and kc-deep slice
/// of k, pack B once (or find it prepacked); for each mc-tall block of rows, sweep the micro-kernel over its MR×NR
/// tiles, and the row kernel over rows that would fill too little of a tile.
/// </summary>
/// <remarks>
/// A is read in place through its strides rather than packed: the kernel broadcasts one element per row and step,
/// which costs the same from any address, and the mc×kc block stays in cache either way. Measured on AMD EPYC
/// (Zen 5) for every benchmark shape up to 1024³, in both layouts of A, packing A was 0–8 % slower, never faster;
/// skipping it also spares small products the copy.
/// <para>Every element of C is the same sum in the same order whichever kernel computes it and wherever its tile
/// lies: per kc slice, products added in order of p from zero, then the slice's sum added to C. So results do not
/// depend on how the rows are blocked or split.</para>
/// </remarks>
internal static unsafe class GemmDriver<TKernel> where TKernel : struct, IGemmMicroKernel
{
    /// <summary>
    /// Rows left over below the last full MR-row tile that the row kernel computes one by one instead of a tile:
    /// a tile with one or two of six rows wastes more of its multiply-adds than the row kernel loses to loading
    /// every panel for one row.
    /// </summary>
    private const int RowKernelLimit = 2;

    /// <summary>Computes <paramref name="problem"/> on the calling thread.</summary>
    public static void Multiply(in GemmProblem problem)
    {
        int m = problem.M, n = problem.N, k = problem.K;
        for (int jc = 0; jc < n; jc += TKernel.NC)
        {
            int nc = Math.Min(TKernel.NC, n - jc);
            for (int pc = 0; pc < k; pc += TKernel.KC)
            {
                int kc = Math.Min(TKernel.KC, k - pc);
                GemmPanels panels = Panels(problem, jc, nc, pc, kc);
                // The first slice of k writes C (or adds to it when accumulating); later slices add.
                bool add = problem.Accumulate || pc > 0;
                for (int ic = 0; ic < m; ic += TKernel.MC)
                {
                    int mc = Math.Min(TKernel.MC, m - ic);
                    SweepTiles(problem.A.At(ic, pc), mc, nc, kc, panels, problem.C.At(ic, jc), add);
                }
            }
        }
    }

    // The (pc, jc) block of op(B) in panels: a pointer offset into prepacked full-depth panels, or packed now.
    private static GemmPanels Panels(in GemmProblem problem, int jc, int nc, int pc, int kc)
    {
        int nr = TKernel.NR;
        if (problem.IsPrepacked)
            return new GemmPanels(problem.PackedB + (nint)jc * problem.K + (nint)pc * nr, (nint)problem.K * nr);
        int count = (nc + nr - 1) / nr;
        float* packed = GemmScratch.ForCurrentThread.PackedB(count * nr * Math.Min(TKernel.KC, problem.K));
        GemmPacking.PackB(problem.B.At(pc, jc), kc, nc, nr, packed);
        return new GemmPanels(packed, (nint)kc * nr);
    }

    // The macro-kernel: every MR×NR tile of an mc×nc block of C, then any rows left to the row kernel.
    private static void SweepTiles(StridedMatrix a, int mc, int nc, int kc, GemmPanels panels, StridedMatrix c, bool add)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        int leftover = mc % mr;
        int tileRows = leftover <= RowKernelLimit ? mc - leftover : mc;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int columns = Math.Min(nr, nc - jr);
            float* b = panels.Panel(jr / nr);
            for (int ir = 0; ir < tileRows; ir += mr)
            {
                int rows = Math.Min(mr, tileRows - ir);
                TKernel.Run(kc, a.At(ir, 0).Origin, a.RowStride, a.ColumnStride, rows,
                    b, c.At(ir, jr).Origin, c.RowStride, c.ColumnStride, columns, add);
            }
        }
        int rowWidth = TKernel.RowPanels * nr;
        for (int i = tileRows; i < mc; i++)
        {
            for (int jr = 0; jr < nc; jr += rowWidth)
            {
                int columns = Math.Min(rowWidth, nc - jr);
                TKernel.RunRow(kc, a.At(i, 0).Origin, a.ColumnStride, panels.Panel(jr / nr), panels.Stride,
                    (columns + nr - 1) / nr, c.At(i, jr).Origin, c.ColumnStride, columns, add);
            }
        }
    }
}
