namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// Walks an array's elements in MATLAB's column-major order (first index fastest) and yields, for each, its index in
/// row-major order (last index fastest). The reader stores element k of the file at the k-th yielded index; the
/// writer writes, as element k, the value at that index. The dimensions keep MATLAB's order in both layouts.
/// </summary>
internal sealed class ColumnMajorOrder
{
    private readonly int[] _dimensions;
    private readonly long[] _rowStrides;
    private readonly int[] _index;
    private long _row;

    /// <summary>Starts at the first element of an array with <paramref name="dimensions"/> (whose product fits in an int).</summary>
    public ColumnMajorOrder(ReadOnlySpan<int> dimensions)
    {
        _dimensions = dimensions.ToArray();
        _rowStrides = new long[dimensions.Length];
        _index = new int[dimensions.Length];
        long stride = 1;
        for (int axis = dimensions.Length - 1; axis >= 0; axis--)
        {
            _rowStrides[axis] = stride;
            stride *= dimensions[axis];
        }
    }

    /// <summary>Fills <paramref name="rowMajorIndices"/> with the row-major indices of the next elements in column-major order.</summary>
    public void Next(Span<int> rowMajorIndices)
    {
        for (int i = 0; i < rowMajorIndices.Length; i++)
        {
            rowMajorIndices[i] = (int)_row;
            Advance();
        }
    }

    /// <summary>Steps the multi-index like an odometer whose first wheel turns fastest.</summary>
    private void Advance()
    {
        for (int axis = 0; axis < _index.Length; axis++)
        {
            _row += _rowStrides[axis];
            if (++_index[axis] < _dimensions[axis]) return;
            _row -= _rowStrides[axis] * _dimensions[axis];
            _index[axis] = 0;
        }
    }
}
