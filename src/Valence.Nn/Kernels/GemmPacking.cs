using System.Runtime.Intrinsics;

namespace Valence.Nn.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous, zero-padded panels that the micro-kernel streams through,
/// resolving the transpose flags on the way (the strides of <see cref="StridedMatrix"/> say which layout it is).
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs the kc×nc block <paramref name="b"/> into ⌈nc/nr⌉ panels of kc×nr floats, row p of panel q at
    /// <c>destination[(q·kc + p)·nr]</c>; columns past nc are zero. <paramref name="nr"/> is a multiple of 8.
    /// </summary>
    public static void PackB(StridedMatrix b, int kc, int nc, int nr, float* destination)
    {
        for (int j = 0; j < nc; j += nr)
        {
            int width = Math.Min(nr, nc - j);
            float* panel = destination + (nint)j * kc;
            StridedMatrix source = b.At(0, j);
            if (width == nr && source.ColumnStride == 1) CopyRows(source, kc, nr, panel);
            else if (source.RowStride == 1) CopyColumns(source, kc, width, nr, panel);
            else CopyElements(source, kc, width, nr, panel);
        }
    }

    /// <summary>
    /// Packs the mc×kc block <paramref name="a"/> into ⌈mc/mr⌉ panels of mr×kc floats, column p of panel q at
    /// <c>destination[(q·kc + p)·mr]</c>; rows past mc are zero.
    /// </summary>
    public static void PackA(StridedMatrix a, int mc, int kc, int mr, float* destination)
    {
        for (int i = 0; i < mc; i += mr)
        {
            int height = Math.Min(mr, mc - i);
            float* panel = destination + (nint)i * kc;
            StridedMatrix source = a.At(i, 0);
            for (int r = 0; r < mr; r++)
            {
                // Column r of the panel (stride mr) takes row r of the source, or zeros past the edge.
                float* row = source.Origin + r * source.RowStride;
                if (r >= height)
                    for (int p = 0; p < kc; p++) panel[p * mr + r] = 0;
                else
                    for (int p = 0; p < kc; p++) panel[p * mr + r] = row[p * source.ColumnStride];
            }
        }
    }

    // op(B) rows are contiguous (B not transposed): nr floats copied per row, 8 at a time.
    private static void CopyRows(StridedMatrix source, int kc, int nr, float* panel)
    {
        for (int p = 0; p < kc; p++)
        {
            float* row = source.Origin + p * source.RowStride;
            for (int v = 0; v < nr; v += 8)
                Vector256.Store(Vector256.Load(row + v), panel + p * nr + v);
        }
    }

    // op(B) columns are contiguous (B transposed): read each column in order, write it with stride nr.
    private static void CopyColumns(StridedMatrix source, int kc, int width, int nr, float* panel)
    {
        for (int jj = 0; jj < nr; jj++)
        {
            float* column = source.Origin + jj * source.ColumnStride;
            if (jj >= width)
                for (int p = 0; p < kc; p++) panel[p * nr + jj] = 0;
            else
                for (int p = 0; p < kc; p++) panel[p * nr + jj] = column[p];
        }
    }

    private static void CopyElements(StridedMatrix source, int kc, int width, int nr, float* panel)
    {
        for (int p = 0; p < kc; p++)
        {
            float* row = source.Origin + p * source.RowStride;
            for (int jj = 0; jj < nr; jj++)
                panel[p * nr + jj] = jj < width ? row[jj * source.ColumnStride] : 0;
        }
    }
}
