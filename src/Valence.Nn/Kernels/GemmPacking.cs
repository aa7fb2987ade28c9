using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Valence.Nn.Kernels;

/// <summary>
/// Copies blocks of op(B) into the contiguous, zero-padded panels that the micro-kernel streams through, resolving
/// the transpose flag on the way (the strides of <see cref="StridedMatrix"/> say which layout it is).
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
            if (source.ColumnStride == 1) CopyRows(source, kc, width, nr, panel);
            else CopyColumns(source, kc, width, nr, panel);
        }
    }

    // op(B) rows are contiguous (B not transposed): each row copied 8 floats at a time, then the rest.
    private static void CopyRows(StridedMatrix source, int kc, int width, int nr, float* panel)
    {
        for (int p = 0; p < kc; p++)
        {
            float* row = source.Origin + p * source.RowStride;
            float* target = panel + p * nr;
            int jj = 0;
            for (; jj + 8 <= width; jj += 8) Vector256.Store(Vector256.Load(row + jj), target + jj);
            for (; jj < width; jj++) target[jj] = row[jj];
            for (; jj < nr; jj++) target[jj] = 0;
        }
    }

    // op(B) columns are contiguous (B transposed; a row-major matrix or its transpose always has one unit stride):
    // with AVX, 8 columns × 8 steps at a time through an 8×8
    // register transpose; otherwise (and for the last columns) each column in order, written with stride nr.
    private static void CopyColumns(StridedMatrix source, int kc, int width, int nr, float* panel)
    {
        Debug.Assert(source.RowStride == 1, "op(B) has neither contiguous rows nor contiguous columns.");
        int jj = 0;
        if (Avx.IsSupported)
            for (; jj + 8 <= width; jj += 8)
                Transposition.EightRows(source.Origin + jj * source.ColumnStride, source.ColumnStride, kc, panel + jj, nr);
        for (; jj < nr; jj++)
        {
            float* column = source.Origin + jj * source.ColumnStride;
            if (jj >= width)
                for (int p = 0; p < kc; p++) panel[p * nr + jj] = 0;
            else
                for (int p = 0; p < kc; p++) panel[p * nr + jj] = column[p];
        }
    }
}
