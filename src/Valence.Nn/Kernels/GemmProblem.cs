using System.Diagnostics;

namespace Valence.Nn.Kernels;

/// <summary>One product C (+)= op(A)·op(B), m×n over depth k, as strided views: the form the driver and the threads share.</summary>
/// <remarks>
/// op(B) comes either as a strided view, which the driver packs block by block, or already packed by
/// <see cref="GemmPackedB"/> (<see cref="PackedB"/> not null): full-depth panels, panel q at
/// <c>PackedB + q·K·NR</c>.
/// </remarks>
internal readonly unsafe struct GemmProblem
{
    /// <summary>A product whose B is read through <paramref name="b"/> and packed as the driver goes.</summary>
    public GemmProblem(StridedMatrix a, StridedMatrix b, StridedMatrix c, int m, int n, int k, bool accumulate)
        : this(a, b, null, c, m, n, k, accumulate) { }

    /// <summary>A product whose B is already packed in full-depth panels at <paramref name="packedB"/>.</summary>
    public GemmProblem(StridedMatrix a, float* packedB, StridedMatrix c, int m, int n, int k, bool accumulate)
        : this(a, default, packedB, c, m, n, k, accumulate) { }

    private GemmProblem(StridedMatrix a, StridedMatrix b, float* packedB, StridedMatrix c, int m, int n, int k, bool accumulate)
    {
        A = a;
        B = b;
        PackedB = packedB;
        C = c;
        M = m;
        N = n;
        K = k;
        Accumulate = accumulate;
    }

    public StridedMatrix A { get; }
    public StridedMatrix B { get; }
    public float* PackedB { get; }
    public StridedMatrix C { get; }
    public int M { get; }
    public int N { get; }
    public int K { get; }
    public bool Accumulate { get; }

    /// <summary>Whether op(B) is already packed (<see cref="PackedB"/>).</summary>
    public bool IsPrepacked => PackedB != null;

    /// <summary>The same product restricted to rows [start, start + count) of C.</summary>
    public GemmProblem Rows(int start, int count) => new(A.At(start, 0), B, PackedB, C.At(start, 0), count, N, K, Accumulate);

    /// <summary>
    /// The same product restricted to columns [start, start + count) of C; with op(B) prepacked, start is a
    /// multiple of the panel width, so the columns begin at a panel.
    /// </summary>
    public GemmProblem Columns(int start, int count) => IsPrepacked
        ? new(A, B, PackedB + (nint)start * K, C.At(0, start), M, count, K, Accumulate)
        : new(A, B.At(0, start), null, C.At(0, start), M, count, K, Accumulate);

    /// <summary>
    /// The same product written as Cᵀ = op(B)ᵀ·op(A)ᵀ (op(B) must not be prepacked). Every element is the same sum
    /// of the same products in the same order, so the result is bit for bit the same.
    /// </summary>
    public GemmProblem Transposed()
    {
        Debug.Assert(!IsPrepacked, "A product with a prepacked B cannot be transposed.");
        return new(B.Transposed, A.Transposed, C.Transposed, N, M, K, Accumulate);
    }
}
