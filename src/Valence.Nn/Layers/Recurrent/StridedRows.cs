namespace Valence.Nn.Layers;

/// <summary>
/// Rows of equal width that sit at a fixed stride in a buffer: one time step of a sequence buffer, or one
/// direction's columns of a bidirectional layer's output.
/// </summary>
internal readonly ref struct StridedRows
{
    private readonly Span<float> _data;

    /// <summary>Rows of <paramref name="width"/> values starting every <paramref name="stride"/> values of <paramref name="data"/>.</summary>
    public StridedRows(Span<float> data, int stride, int width)
    {
        _data = data;
        Stride = stride;
        Width = width;
    }

    /// <summary>The distance between the starts of consecutive rows.</summary>
    public int Stride { get; }

    /// <summary>The values per row.</summary>
    public int Width { get; }

    /// <summary>The buffer from the first row on, for kernels (GEMM) that take a leading dimension.</summary>
    public Span<float> Data => _data;

    /// <summary>The same rows from row <paramref name="row"/> on: one slice of the batch.</summary>
    public StridedRows From(int row) => new(_data[(row * Stride)..], Stride, Width);

    /// <summary>Row <paramref name="row"/>.</summary>
    public Span<float> this[int row] => _data.Slice(row * Stride, Width);
}
