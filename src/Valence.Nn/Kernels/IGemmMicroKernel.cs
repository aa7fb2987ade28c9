namespace Valence.Nn.Kernels;

/// <summary>
/// A GEMM micro-kernel, its row kernel, and the blocking they are built for. The driver is generic over the kernel type, so each
/// instantiation is compiled with the kernel's tile and block sizes as constants.
/// </summary>
internal interface IGemmMicroKernel
{
    /// <summary>Rows of C per kernel call (the rows of A one call reads).</summary>
    static abstract int MR { get; }

    /// <summary>Columns of C per kernel call (the width of a packed B panel).</summary>
    static abstract int NR { get; }

    /// <summary>Depth of one packed block: a kc×NR panel of B stays in L1 while the kernel sweeps the A block.</summary>
    static abstract int KC { get; }

    /// <summary>Rows of one block of A (mc×kc floats, read in place and kept in L2 while B panels sweep past); a multiple of MR.</summary>
    static abstract int MC { get; }

    /// <summary>Columns of one packed block of B (kc×nc floats, kept in L3); a multiple of NR.</summary>
    static abstract int NC { get; }

    /// <summary>
    /// C[0..rows, 0..columns] (+)= A·B over kc steps of k, rows ≤ MR and columns ≤ NR. Row i of A starts at
    /// <c>a + i·aRowStride</c> and advances <paramref name="aStep"/> floats per step; <paramref name="b"/> is a packed
    /// kc×NR panel; C's element (i, j) is at <c>c + i·cRowStride + j·cColumnStride</c> (full tiles of C with column
    /// stride 1 are stored as vectors). With <paramref name="add"/> the sums are added to C.
    /// </summary>
    static abstract unsafe void Run(int kc, float* a, nint aRowStride, nint aStep, int rows,
        float* b, float* c, nint cRowStride, nint cColumnStride, int columns, bool add);

    /// <summary>Panels one row-kernel call covers: enough independent sums per row to keep the multiply-add units busy.</summary>
    static abstract int RowPanels { get; }

    /// <summary>
    /// The row kernel, for products with too few rows to fill a tile: c[0..columns] (+)= a·B over kc steps of k
    /// for one row of C, columns ≤ <see cref="RowPanels"/>·NR. <paramref name="a"/> advances <paramref name="aStep"/>
    /// floats per step; the <paramref name="panels"/> packed kc×NR panels of B start <paramref name="panelStride"/>
    /// floats apart from <paramref name="b"/>; C's element j is at <c>c + j·cColumnStride</c>. Each element is
    /// summed exactly as <see cref="Run"/> sums it, so either kernel gives the same bits.
    /// </summary>
    static abstract unsafe void RunRow(int kc, float* a, nint aStep, float* b, nint panelStride, int panels,
        float* c, nint cColumnStride, int columns, bool add);
}
