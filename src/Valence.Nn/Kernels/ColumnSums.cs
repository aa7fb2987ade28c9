using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Valence.Nn.Kernels;

/// <summary>
/// Column totals of a row-major matrix, totals[j] = Σ_r matrix[r, j] summed over r in order from zero (a bias
/// gradient is the column total of the gradients of all rows): four registers of columns at a time run down the
/// rows, instead of one span addition per row.
/// </summary>
internal static class ColumnSums
{
    /// <summary>
    /// Writes the totals of the first <c>totals.Length</c> columns of the <paramref name="rows"/> rows that start
    /// every <paramref name="stride"/> floats of <paramref name="matrix"/>.
    /// </summary>
    public static void Sum(ReadOnlySpan<float> matrix, int rows, int stride, Span<float> totals)
    {
        int width = totals.Length;
        if (rows > 0 && (long)(rows - 1) * stride + width > matrix.Length)
            throw new ArgumentException($"ColumnSums: {rows} rows of {width} at stride {stride} need {(long)(rows - 1) * stride + width} floats; the span holds {matrix.Length}.", nameof(matrix));
        if (Vector512.IsHardwareAccelerated) Sum<Lanes512>(matrix, rows, stride, totals);
        else Sum<LanesVector>(matrix, rows, stride, totals);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sum<T>(ReadOnlySpan<float> matrix, int rows, int stride, Span<float> totals) where T : struct, IFloatLanes<T>
    {
        int width = totals.Length, count = T.Count, j = 0;
        for (; j + 4 * count <= width; j += 4 * count)
        {
            T s0 = T.Create(0f), s1 = s0, s2 = s0, s3 = s0;
            for (int r = 0; r < rows; r++)
            {
                int at = r * stride + j;
                s0 += T.Load(matrix, at);
                s1 += T.Load(matrix, at + count);
                s2 += T.Load(matrix, at + 2 * count);
                s3 += T.Load(matrix, at + 3 * count);
            }
            T.Store(s0, totals, j);
            T.Store(s1, totals, j + count);
            T.Store(s2, totals, j + 2 * count);
            T.Store(s3, totals, j + 3 * count);
        }
        for (; j < width; j++)
        {
            float total = 0;
            for (int r = 0; r < rows; r++) total += matrix[r * stride + j];
            totals[j] = total;
        }
    }
}
