namespace Valence.Nn.Kernels;

/// <summary>One product C (+)= op(A)·op(B), m×n over depth k, as strided views: the form the driver and the threads share.</summary>
internal readonly struct GemmProblem(StridedMatrix a, StridedMatrix b, StridedMatrix c, int m, int n, int k, bool accumulate)
{
    public StridedMatrix A { get; } = a;
    public StridedMatrix B { get; } = b;
    public StridedMatrix C { get; } = c;
    public int M { get; } = m;
    public int N { get; } = n;
    public int K { get; } = k;
    public bool Accumulate { get; } = accumulate;

    /// <summary>The same product restricted to rows [start, start + count) of C.</summary>
    public GemmProblem Rows(int start, int count) => new(A.At(start, 0), B, C.At(start, 0), count, N, K, Accumulate);

    /// <summary>The same product restricted to columns [start, start + count) of C.</summary>
    public GemmProblem Columns(int start, int count) => new(A, B.At(0, start), C.At(0, start), M, count, K, Accumulate);

    /// <summary>
    /// The same product written as Cᵀ = op(B)ᵀ·op(A)ᵀ. Every element is the same sum of the same products in the
    /// same order, so the result is bit for bit the same.
    /// </summary>
    public GemmProblem Transposed() => new(B.Transposed, A.Transposed, C.Transposed, N, M, K, Accumulate);
}
