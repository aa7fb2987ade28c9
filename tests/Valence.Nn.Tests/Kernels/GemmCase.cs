using Valence.Nn.Initialization;
using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

/// <summary>
/// One GEMM test case: random operands in storage with <see cref="Padding"/> extra columns (filled with NaN, so a
/// read outside the matrix poisons the result) and a C whose padding must come back untouched.
/// </summary>
/// With <see cref="Prepacked"/>, B goes through <see cref="GemmPackedB"/> and the overload that takes it.
public sealed record GemmCase(bool TransposeA, bool TransposeB, int M, int N, int K, int Padding, bool Accumulate, ulong Seed = 1,
    bool Prepacked = false)
{
    private const double UnitRoundoff = 1.0 / (1 << 24);

    /// <summary>The sizes that cross every edge of the vector width, the MR×NR tile and the cache blocks.</summary>
    public static readonly int[] AwkwardSizes = [1, 2, 3, 5, 7, 15, 16, 17, 19, 31, 33, 63, 65, 127, 129];

    /// <summary>The case under all four transpose combinations, with and without padding and accumulation, B packed by the product or beforehand.</summary>
    public static IEnumerable<GemmCase> AllVariants(int m, int n, int k)
    {
        foreach (bool transposeA in new[] { false, true })
            foreach (bool transposeB in new[] { false, true })
                foreach (int padding in new[] { 0, 3 })
                    foreach (bool accumulate in new[] { false, true })
                        foreach (bool prepacked in new[] { false, true })
                            yield return new GemmCase(transposeA, transposeB, m, n, k, padding, accumulate, (ulong)(m * 1000003 + n * 1009 + k), prepacked);
    }

    /// <summary>
    /// Runs <see cref="Gemm"/> and the reference and returns null when they agree within float32's
    /// worst-case rounding bound, (k + 2)·u·Σ|a||b| + 2u·|c|, else a description of the worst element.
    /// </summary>
    public string? Check()
    {
        var (a, lda) = Operand(TransposeA ? K : M, TransposeA ? M : K, 11);
        var (b, ldb) = Operand(TransposeB ? N : K, TransposeB ? K : N, 12);
        var (c, ldc) = Operand(M, N, 13);
        if (!Accumulate) FillMatrix(c, M, N, ldc, float.NaN);
        var expected = (float[])c.Clone();
        GemmReference.Multiply(TransposeA, TransposeB, M, N, K, a, lda, b, ldb, expected, ldc, Accumulate);
        var actual = (float[])c.Clone();
        if (Prepacked)
        {
            var packed = new GemmPackedB();
            packed.Pack(TransposeB, K, N, b, ldb);
            Gemm.Multiply(TransposeA, M, a, lda, packed, actual, ldc, Accumulate);
        }
        else
        {
            Gemm.Multiply(TransposeA, TransposeB, M, N, K, a, lda, b, ldb, actual, ldc, Accumulate);
        }

        for (int i = 0; i < M; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double magnitude = 0;
                for (int p = 0; p < K; p++)
                {
                    float av = TransposeA ? a[p * lda + i] : a[i * lda + p];
                    float bv = TransposeB ? b[j * ldb + p] : b[p * ldb + j];
                    magnitude += Math.Abs((double)av * bv);
                }
                float e = expected[i * ldc + j], x = actual[i * ldc + j];
                double bound = (K + 2) * UnitRoundoff * magnitude + 2 * UnitRoundoff * Math.Abs(e);
                if (!(Math.Abs((double)x - e) <= bound))
                    return $"{this}: C[{i},{j}] = {x}, expected {e} (bound {bound:g3})";
            }
            for (int j = N; j < ldc && i * ldc + j < c.Length; j++)
                if (!BitwiseEqual(actual[i * ldc + j], c[i * ldc + j]))
                    return $"{this}: padding C[{i},{j}] was overwritten";
        }
        return null;
    }

    private (float[] Storage, int Ld) Operand(int rows, int columns, ulong stream)
    {
        int ld = columns + Padding;
        var storage = new float[Math.Max(1, rows * ld)];
        Array.Fill(storage, float.NaN);
        var rng = new Rng(Seed).Fork(stream);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                storage[i * ld + j] = rng.NextUniform(-1, 1);
        return (storage, ld);
    }

    private static void FillMatrix(float[] storage, int rows, int columns, int ld, float value)
    {
        for (int i = 0; i < rows; i++) Array.Fill(storage, value, i * ld, columns);
    }

    private static bool BitwiseEqual(float x, float y) => BitConverter.SingleToInt32Bits(x) == BitConverter.SingleToInt32Bits(y);
}
