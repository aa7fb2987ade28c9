namespace Valence.Nn.Kernels;

/// <summary>
/// What the micro-kernels share: where the rows of A start, and how a partial tile reaches C.
/// </summary>
internal static unsafe class GemmTile
{
    /// <summary>
    /// Row <paramref name="row"/> of the <paramref name="rows"/> valid rows of A one kernel call reads. Rows past the edge
    /// repeat the last valid one, so that the kernel reads only memory that exists; their sums are discarded.
    /// </summary>
    public static float* Row(float* a, nint rowStride, int rows, int row) => a + Math.Min(row, rows - 1) * rowStride;

    /// <summary>
    /// Panel <paramref name="panel"/> of the <paramref name="panels"/> valid panels one row-kernel call reads. Panels
    /// past the edge repeat the last valid one, as rows past the edge do; their sums are discarded.
    /// </summary>
    public static float* Panel(float* b, nint panelStride, int panels, int panel) => b + Math.Min(panel, panels - 1) * panelStride;

    /// <summary>Writes (or adds) the top-left rows×columns of a tile stored with row stride <paramref name="tileStride"/> to C.</summary>
    public static void StorePartial(float* tile, int tileStride, float* c, nint cRowStride, nint cColumnStride,
        int rows, int columns, bool add)
    {
        for (int i = 0; i < rows; i++)
        {
            float* source = tile + i * tileStride;
            float* target = c + i * cRowStride;
            if (add)
                for (int j = 0; j < columns; j++) target[j * cColumnStride] += source[j];
            else
                for (int j = 0; j < columns; j++) target[j * cColumnStride] = source[j];
        }
    }
}
