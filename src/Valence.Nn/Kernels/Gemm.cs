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
/// transpose, so that the short side fills the tile's rows.</para>
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
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            // An empty sum: C = 0, or C unchanged when accumulating.
            if (!accumulate)
                for (int i = 0; i < m; i++) c.Slice(i * ldc, n).Clear();
            return;
        }
        fixed (float* pa = a, pb = b, pc = c)
        {
            var problem = new GemmProblem(StridedMatrix.RowMajor(pa, lda, transposeA), StridedMatrix.RowMajor(pb, ldb, transposeB),
                StridedMatrix.RowMajor(pc, ldc, transpose: false), m, n, k, accumulate);
            if (GemmMicroKernelAvx512.IsSupported) GemmJob<GemmMicroKernelAvx512>.Run(problem);
            else if (GemmMicroKernelAvx2.IsSupported) GemmJob<GemmMicroKernelAvx2>.Run(problem);
            else GemmJob<GemmMicroKernelPortable>.Run(problem);
        }
    }

    /// <summary>The micro-kernel this machine runs: "avx512", "avx2" or "portable" (for tests and benchmark reports).</summary>
    public static string KernelName =>
        GemmMicroKernelAvx512.IsSupported ? "avx512" : GemmMicroKernelAvx2.IsSupported ? "avx2" : "portable";

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

    private static void CheckMatrix(string name, int rows, int cols, int length, int ld)
    {
        if (rows == 0 || cols == 0) return;
        if (ld < cols)
            throw new ArgumentException($"GEMM: leading dimension of {name} is {ld}, less than its {cols} columns.");
        long needed = (long)(rows - 1) * ld + cols;
        if (needed > length)
            throw new ArgumentException($"GEMM: {name} is {rows}×{cols} with leading dimension {ld}, needing {needed} elements, but its span holds {length}.");
    }
}
