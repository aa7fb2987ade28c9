namespace Valence.Nn.Kernels;

/// <summary>
/// A unary elementwise map cut into chunks of <c>chunkLength</c> elements (whole vectors) for <see cref="Workers"/>.
/// </summary>
internal readonly unsafe struct UnaryMapJob<TOperator>(TOperator op, float* x, float* destination, int length, int chunkLength)
    : IWorkerJob where TOperator : struct, IUnaryOperator
{
    /// <inheritdoc />
    public void Execute(int chunk)
    {
        int start = chunk * chunkLength, count = Math.Min(chunkLength, length - start);
        if (count > 0)
            Elementwise.MapRange(op, new ReadOnlySpan<float>(x + start, count), new Span<float>(destination + start, count));
    }
}

/// <summary>The binary counterpart of <see cref="UnaryMapJob{TOperator}"/>.</summary>
internal readonly unsafe struct BinaryMapJob<TOperator>(TOperator op, float* a, float* b, float* destination, int length,
    int chunkLength) : IWorkerJob where TOperator : struct, IBinaryOperator
{
    /// <inheritdoc />
    public void Execute(int chunk)
    {
        int start = chunk * chunkLength, count = Math.Min(chunkLength, length - start);
        if (count > 0)
        {
            Elementwise.MapRange(op, new ReadOnlySpan<float>(a + start, count), new ReadOnlySpan<float>(b + start, count),
                new Span<float>(destination + start, count));
        }
    }
}
