namespace Valence.Nn.Kernels;

/// <summary>
/// A float matrix seen through two strides: element (row, column) sits at <c>Origin[row·RowStride + column·ColumnStride]</c>.
/// A transposed operand is the same memory with its strides swapped, so the packing code handles op(A) and op(B)
/// without knowing which flags the caller passed.
/// </summary>
internal readonly unsafe struct StridedMatrix(float* origin, nint rowStride, nint columnStride)
{
    public float* Origin { get; } = origin;
    public nint RowStride { get; } = rowStride;
    public nint ColumnStride { get; } = columnStride;

    /// <summary>The matrix stored row-major with leading dimension <paramref name="ld"/>, or its transpose.</summary>
    public static StridedMatrix RowMajor(float* origin, int ld, bool transpose) =>
        transpose ? new StridedMatrix(origin, 1, ld) : new StridedMatrix(origin, ld, 1);

    /// <summary>The transpose: the same memory with the strides swapped.</summary>
    public StridedMatrix Transposed => new(Origin, ColumnStride, RowStride);

    /// <summary>The sub-matrix whose element (0, 0) is this one's (row, column).</summary>
    public StridedMatrix At(int row, int column) =>
        new(Origin + row * RowStride + column * ColumnStride, RowStride, ColumnStride);
}
