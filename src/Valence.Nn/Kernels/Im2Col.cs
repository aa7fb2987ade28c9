using System.Diagnostics;
using System.Numerics.Tensors;

namespace Valence.Nn.Kernels;

/// <summary>
/// im2col and its adjoint for 1-D convolutions: turning the sliding windows into the columns of one matrix makes a
/// convolution over the whole batch a single matrix product.
/// </summary>
/// <remarks>
/// The column matrix is [channels·kernel, batch·outputLength], row c·kernel + k, column b·outputLength + t, so the
/// rows of one channel group are contiguous and each group is a row block.
/// </remarks>
internal static class Im2Col
{
    /// <summary>
    /// columns[c·K + k, b·T' + t] = x[b, c, t·stride + k·dilation − padLeft], zero outside the input, for batch items
    /// [<paramref name="firstBatch"/>, <paramref name="firstBatch"/> + <paramref name="batchCount"/>) (their columns
    /// only, so that threads can unfold slices of the batch side by side).
    /// </summary>
    public static void Unfold(ReadOnlySpan<float> input, Span<float> columns, in Window1D w, int firstBatch, int batchCount)
    {
        Debug.Assert(input.Length == w.Batch * w.Channels * w.Length);
        Debug.Assert(columns.Length == w.ColumnRows * w.ColumnCount);
        for (int c = 0; c < w.Channels; c++)
        {
            for (int k = 0; k < w.Kernel; k++)
            {
                int offset = k * w.Dilation - w.PadLeft;
                var (first, end) = w.InsideRange(offset);
                var row = columns.Slice((c * w.Kernel + k) * w.ColumnCount, w.ColumnCount);
                for (int b = firstBatch; b < firstBatch + batchCount; b++)
                {
                    var source = input.Slice((b * w.Channels + c) * w.Length, w.Length);
                    var destination = row.Slice(b * w.OutputLength, w.OutputLength);
                    destination[..first].Clear();
                    destination[end..].Clear();
                    if (end == first) continue;
                    if (w.Stride == 1)
                    {
                        source.Slice(first + offset, end - first).CopyTo(destination[first..end]);
                    }
                    else
                    {
                        for (int t = first; t < end; t++) destination[t] = source[t * w.Stride + offset];
                    }
                }
            }
        }
    }

    /// <summary>
    /// The adjoint of <see cref="Unfold"/> (col2im): x[b, c, t·stride + k·dilation − padLeft] += columns[c·K + k, b·T' + t].
    /// Adds into <paramref name="input"/>, which the caller clears first.
    /// </summary>
    public static void Fold(ReadOnlySpan<float> columns, Span<float> input, in Window1D w)
    {
        Debug.Assert(input.Length == w.Batch * w.Channels * w.Length);
        Debug.Assert(columns.Length == w.ColumnRows * w.ColumnCount);
        for (int c = 0; c < w.Channels; c++)
        {
            for (int k = 0; k < w.Kernel; k++)
            {
                int offset = k * w.Dilation - w.PadLeft;
                var (first, end) = w.InsideRange(offset);
                if (end == first) continue;
                var row = columns.Slice((c * w.Kernel + k) * w.ColumnCount, w.ColumnCount);
                for (int b = 0; b < w.Batch; b++)
                {
                    var destination = input.Slice((b * w.Channels + c) * w.Length, w.Length);
                    var source = row.Slice(b * w.OutputLength, w.OutputLength);
                    if (w.Stride == 1)
                    {
                        var target = destination.Slice(first + offset, end - first);
                        TensorPrimitives.Add(target, source[first..end], target);
                    }
                    else
                    {
                        for (int t = first; t < end; t++) destination[t * w.Stride + offset] += source[t];
                    }
                }
            }
        }
    }
}
