namespace Valence.Nn.Kernels;

/// <summary>
/// General matrix multiplication, C = op(A)·op(B) (+ C), row-major float32: the kernel under Dense, Conv1D and the
/// recurrent layers.
/// </summary>
/// <remarks>
/// op(A) is m×k and op(B) is k×n. With <c>transposeA</c>, A is stored k×m (leading dimension <c>lda</c> ≥ m),
/// otherwise m×k (lda ≥ k); likewise B.
/// <para>It is a cache-blocked GEMM in the BLIS/GotoBLAS style: blocks of op(B) are packed into contiguous panels
/// (the transpose is resolved there), and a register-blocked micro-kernel (AVX-512, AVX2+FMA, or portable
/// <see cref="System.Numerics.Vector{T}"/>, whichever the machine has) computes one tile of C at a time, reading
/// op(A) in place through its strides (packing A measured slower here). Products with few columns run as their
/// transpose, so that the short side fills the tile's rows; the one or two rows left below the last full tile go to
/// a row kernel that spreads one row over many panels. An op(B) used again and again can be packed once
/// (<see cref="GemmPackedB"/>).</para>
/// <para>Large products run on up to <see cref="Workers.MaxThreads"/> threads. Results do not depend on the number
/// of threads: work is split over output tiles, never over k, so every element sums its products in one fixed
/// order. They can differ in the last bits between machines whose kernels differ (fused or separate
/// multiply-add).</para>
/// </remarks>
public static unsafe class Gemm
{
    /// <summary>Computes C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/> is true.</summary>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate = false)
    {
        Validate(transposeA, transposeB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (IsEmpty(m, n, k, c, ldc, accumulate)) return;
        fixed (float* pa = a, pb = b, pc = c)
        {
            Run(new GemmProblem(StridedMatrix.RowMajor(pa, lda, transposeA), StridedMatrix.RowMajor(pb, ldb, transposeB),
                StridedMatrix.RowMajor(pc, ldc, transpose: false), m, n, k, accumulate));
        }
    }

    /// <summary>
    /// Computes C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/> is true, with op(B) packed
    /// beforehand (k = <see cref="GemmPackedB.Depth"/>, n = <see cref="GemmPackedB.Columns"/>): the same result, bit
    /// for bit, as the overload that packs B itself, without the packing.
    /// </summary>
    public static void Multiply(bool transposeA, int m, ReadOnlySpan<float> a, int lda, GemmPackedB b,
        Span<float> c, int ldc, bool accumulate = false)
    {
        ArgumentNullException.ThrowIfNull(b);
        int n = b.Columns, k = b.Depth;
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        CheckMatrix("A", transposeA ? k : m, transposeA ? m : k, a.Length, lda);
        CheckMatrix("C", m, n, c.Length, ldc);
        if (IsEmpty(m, n, k, c, ldc, accumulate)) return;
        fixed (float* pa = a, pc = c)
        {
            Run(new GemmProblem(StridedMatrix.RowMajor(pa, lda, transposeA), b.Panels,
                StridedMatrix.RowMajor(pc, ldc, transpose: false), m, n, k, accumulate));
        }
    }

    /// <summary>The micro-kernel this machine runs: "avx512", "avx2" or "portable" (for tests and benchmark reports).</summary>
    public static string KernelName =>
        GemmMicroKernelAvx512.IsSupported ? "avx512" : GemmMicroKernelAvx2.IsSupported ? "avx2" : "portable";

    /// <summary>The width NR of the packed panels of B for this machine's micro-kernel.</summary>
    internal static int PanelWidth =>
        GemmMicroKernelAvx512.IsSupported ? GemmMicroKernelAvx512.NR : GemmMicroKernelAvx2.IsSupported ? GemmMicroKernelAvx2.NR : GemmMicroKernelPortable.NR;

    private static void Run(in GemmProblem problem)
    {
        if (GemmMicroKernelAvx512.IsSupported) GemmJob<GemmMicroKernelAvx512>.Run(problem);
        else if (GemmMicroKernelAvx2.IsSupported) GemmJob<GemmMicroKernelAvx2>.Run(problem);
        else GemmJob<GemmMicroKernelPortable>.Run(problem);
    }

    // True when there is nothing to multiply: C is empty, or k = 0 (an empty sum: C = 0, or C unchanged when
    // accumulating).
    private static bool IsEmpty(int m, int n, int k, Span<float> c, int ldc, bool accumulate)
    {
        if (m == 0 || n == 0) return true;
        if (k != 0) return false;
        if (!accumulate)
            for (int i = 0; i < m; i++) c.Slice(i * ldc, n).Clear();
        return true;
    }

    internal static void Validate(bool transposeA, bool transposeB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckMatrix("A", transposeA ? k : m, transposeA ? m : k, aLength, lda);
        CheckMatrix("B", transposeB ? n : k, transposeB ? k : n, bLength, ldb);
        CheckMatrix("C", m, n, cLength, ldc);
    }

    internal static void CheckMatrix(string name, int rows, int cols, int length, int ld)
    {
        if (rows == 0 || cols == 0) return;
        if (ld < cols)
            throw new ArgumentException($"GEMM: leading dimension of {name} is {ld}, less than its {cols} columns.");
        long needed = (long)(rows - 1) * ld + cols;
        if (needed > length)
            throw new ArgumentException($"GEMM: {name} is {rows}×{cols} with leading dimension {ld}, needing {needed} elements, but its span holds {length}.");
    }
}
