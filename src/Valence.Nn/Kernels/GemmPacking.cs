using System.Runtime.Intrinsics;
using static Valence.Nn.Kernels.GemmBlocking;

namespace Valence.Nn.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous, zero-padded panels that the micro-kernel streams through,
/// resolving the transpose flags on the way (the strides of <see cref="StridedMatrix"/> say which layout it is).
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs the kc×nc block <paramref name="b"/> into ⌈nc/NR⌉ panels of kc×NR floats, row p of panel q at
    /// <c>destination[(q·kc + p)·NR]</c>; columns past nc are zero.
    /// </summary>
    public static void PackB(StridedMatrix b, int kc, int nc, float* destination)
    {
        for (int j = 0; j < nc; j += NR)
        {
            int width = Math.Min(NR, nc - j);
            float* panel = destination + (nint)j * kc;
            StridedMatrix source = b.At(0, j);
            if (width == NR && source.ColumnStride == 1) CopyRows(source, kc, panel);
            else if (source.RowStride == 1) CopyColumns(source, kc, width, panel);
            else CopyElements(source, kc, width, panel);
        }
    }

    /// <summary>
    /// Packs the mc×kc block <paramref name="a"/> into ⌈mc/MR⌉ panels of MR×kc floats, column p of panel q at
    /// <c>destination[(q·kc + p)·MR]</c>; rows past mc are zero.
    /// </summary>
    public static void PackA(StridedMatrix a, int mc, int kc, float* destination)
    {
        for (int i = 0; i < mc; i += MR)
        {
            int height = Math.Min(MR, mc - i);
            float* panel = destination + (nint)i * kc;
            StridedMatrix source = a.At(i, 0);
            for (int r = 0; r < MR; r++)
            {
                // Column r of the panel (stride MR) takes row r of the source, or zeros past the edge.
                float* row = source.Origin + r * source.RowStride;
                if (r >= height)
                    for (int p = 0; p < kc; p++) panel[p * MR + r] = 0;
                else
                    for (int p = 0; p < kc; p++) panel[p * MR + r] = row[p * source.ColumnStride];
            }
        }
    }

    // op(B) rows are contiguous (B not transposed): one NR-wide vector copy per row.
    private static void CopyRows(StridedMatrix source, int kc, float* panel)
    {
        for (int p = 0; p < kc; p++)
        {
            float* row = source.Origin + p * source.RowStride;
            Vector256.Store(Vector256.Load(row), panel + p * NR);
            Vector256.Store(Vector256.Load(row + 8), panel + p * NR + 8);
        }
    }

    // op(B) columns are contiguous (B transposed): read each column in order, write it with stride NR.
    private static void CopyColumns(StridedMatrix source, int kc, int width, float* panel)
    {
        for (int jj = 0; jj < NR; jj++)
        {
            float* column = source.Origin + jj * source.ColumnStride;
            if (jj >= width)
                for (int p = 0; p < kc; p++) panel[p * NR + jj] = 0;
            else
                for (int p = 0; p < kc; p++) panel[p * NR + jj] = column[p];
        }
    }

    private static void CopyElements(StridedMatrix source, int kc, int width, float* panel)
    {
        for (int p = 0; p < kc; p++)
        {
            float* row = source.Origin + p * source.RowStride;
            for (int jj = 0; jj < NR; jj++)
                panel[p * NR + jj] = jj < width ? row[jj * source.ColumnStride] : 0;
        }
    }
}
