using Valence.Nn.Initialization;
using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

public class GemmTests
{
    [Fact]
    public void Multiply_matches_a_hand_computation()
    {
        // [1 2 3; 4 5 6] · [7 8; 9 10; 11 12] = [58 64; 139 154]
        float[] a = [1, 2, 3, 4, 5, 6];
        float[] b = [7, 8, 9, 10, 11, 12];
        var c = new float[4];
        Gemm.Multiply(false, false, 2, 2, 3, a, 3, b, 2, c, 2);
        Assert.Equal([58f, 64f, 139f, 154f], c);
        Gemm.Multiply(false, false, 2, 2, 3, a, 3, b, 2, c, 2, accumulate: true);
        Assert.Equal([116f, 128f, 278f, 308f], c);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Transposed_operands_give_the_same_product(bool transposeA, bool transposeB)
    {
        const int m = 5, n = 7, k = 3;
        var rng = new Rng(1);
        var a = new float[m * k];
        var b = new float[k * n];
        rng.FillUniform(a, -1, 1);
        rng.FillUniform(b, -1, 1);
        var expected = new float[m * n];
        GemmReference.Multiply(false, false, m, n, k, a, k, b, n, expected, n, false);

        var at = transposeA ? Transpose(a, m, k) : a;
        var bt = transposeB ? Transpose(b, k, n) : b;
        var c = new float[m * n];
        Gemm.Multiply(transposeA, transposeB, m, n, k, at, transposeA ? m : k, bt, transposeB ? k : n, c, n);
        for (int i = 0; i < c.Length; i++) Assert.Equal(expected[i], c[i], 5);
    }

    public static TheoryData<int, int, int> AwkwardShapes()
    {
        var shapes = new TheoryData<int, int, int>();
        foreach (int s in GemmCase.AwkwardSizes)
        {
            shapes.Add(s, 17, 19);
            shapes.Add(19, s, 17);
            shapes.Add(17, 19, s);
            if (s <= 65) shapes.Add(s, s, s);
        }
        return shapes;
    }

    [Theory]
    [MemberData(nameof(AwkwardShapes))]
    public void Awkward_sizes_match_the_reference_in_every_layout(int m, int n, int k)
    {
        foreach (var gemmCase in GemmCase.AllVariants(m, n, k))
            Assert.Null(gemmCase.Check());
    }

    [Theory]
    [InlineData(129, 65, 33)]     // A packed (n has enough panels), m crosses MC
    [InlineData(33, 65, 300)]     // k crosses KC: the second slice adds to the first
    [InlineData(7, 2065, 5)]      // n crosses NC
    [InlineData(64, 256, 64)]     // LSTM step
    [InlineData(64, 4, 64)]       // Dense with 4 outputs
    [InlineData(64, 254, 42)]     // conv im2col
    public void Shapes_crossing_the_cache_blocks_match_the_reference(int m, int n, int k)
    {
        foreach (var gemmCase in GemmCase.AllVariants(m, n, k))
            Assert.Null(gemmCase.Check());
    }

    [Theory]
    [InlineData(false, false, 40)]
    [InlineData(true, true, 40)]
    [InlineData(false, true, 300)]    // k crosses KC
    public void Each_row_has_the_same_bits_in_any_product_that_contains_it(bool transposeA, bool transposeB, int k)
    {
        // Rows fall to the 6-row tile kernel or to the row kernel depending on how many rows a product has; both
        // sum every element in the same order, so splitting a product by rows (as threads and layers do) changes
        // no bit.
        const int m = 14, n = 300;
        var rng = new Rng(9);
        var a = new float[m * k];
        var b = new float[k * n];
        var c = new float[m * n];
        rng.FillUniform(a, -1, 1);
        rng.FillUniform(b, -1, 1);
        rng.FillUniform(c, -1, 1);
        int lda = transposeA ? m : k, ldb = transposeB ? k : n;
        foreach (bool accumulate in new[] { false, true })
        {
            var whole = (float[])c.Clone();
            Gemm.Multiply(transposeA, transposeB, m, n, k, a, lda, b, ldb, whole, n, accumulate);
            for (int first = 0; first < m; first++)
            {
                for (int rows = 1; first + rows <= m; rows++)
                {
                    var part = c.AsSpan(first * n, rows * n).ToArray();
                    var aRows = transposeA ? a.AsSpan(first) : a.AsSpan(first * k);
                    Gemm.Multiply(transposeA, transposeB, rows, n, k, aRows, lda, b, ldb, part, n, accumulate);
                    Assert.Equal(whole.AsSpan(first * n, rows * n).ToArray(), part);
                }
            }
        }
    }

    [Fact]
    public void Zero_depth_gives_zeros_or_leaves_C_unchanged_when_accumulating()
    {
        var c = new float[] { 1, 2, 3, 4 };
        Gemm.Multiply(false, false, 2, 2, 0, [], 0, [], 2, c, 2, accumulate: true);
        Assert.Equal([1f, 2f, 3f, 4f], c);
        Gemm.Multiply(false, false, 2, 2, 0, [], 0, [], 2, c, 2);
        Assert.Equal([0f, 0f, 0f, 0f], c);
    }

    [Fact]
    public void Spans_too_short_for_the_stated_sizes_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(false, false, 2, 2, 3, new float[5], 3, new float[6], 2, new float[4], 2));
        Assert.Contains("A is 2×3", e.Message);
    }

    private static float[] Transpose(float[] x, int rows, int cols)
    {
        var t = new float[x.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                t[j * rows + i] = x[i * cols + j];
        return t;
    }
}
