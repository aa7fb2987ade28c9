namespace Valence.Nn.Kernels;

/// <summary>
/// The plain triple-loop GEMM, kept as the contract and the truth that the optimised <see cref="Gemm"/> is tested against.
/// </summary>
public static class GemmReference
{
    /// <summary>C = op(A)·op(B) (+ C when <paramref name="accumulate"/>), all row-major; see <see cref="Gemm.Multiply(bool, bool, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, Span{float}, int, bool)"/>.</summary>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    float av = transposeA ? a[p * lda + i] : a[i * lda + p];
                    float bv = transposeB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += (double)av * bv;
                }
                c[i * ldc + j] = accumulate ? c[i * ldc + j] + (float)sum : (float)sum;
            }
        }
    }
}
