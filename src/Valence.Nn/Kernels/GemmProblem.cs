namespace Valence.Nn.Kernels;

/// <summary>One product C (+)= op(A)·op(B), m×n over depth k, as pointers: the form the driver and the threads share.</summary>
internal readonly unsafe struct GemmProblem(StridedMatrix a, StridedMatrix b, float* c, int ldc, int m, int n, int k, bool accumulate)
{
    public StridedMatrix A { get; } = a;
    public StridedMatrix B { get; } = b;
    public float* C { get; } = c;
    public int Ldc { get; } = ldc;
    public int M { get; } = m;
    public int N { get; } = n;
    public int K { get; } = k;
    public bool Accumulate { get; } = accumulate;

    /// <summary>The same product restricted to rows [start, start + count) of C.</summary>
    public GemmProblem Rows(int start, int count) =>
        new(A.At(start, 0), B, C + (nint)start * Ldc, Ldc, count, N, K, Accumulate);

    /// <summary>The same product restricted to columns [start, start + count) of C.</summary>
    public GemmProblem Columns(int start, int count) =>
        new(A, B.At(0, start), C + start, Ldc, M, count, K, Accumulate);
}
