using Valence.Nn.Initialization;
using Valence.Nn.Kernels;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Kernels;

public class GemmPackedBTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 256, 64 },    // LSTM step, batch 1: the row kernel on prepacked panels
        { 2, 256, 64 },
        { 64, 256, 64 },   // LSTM step, batch 64
        { 64, 64, 256 },   // LSTM backward step: k crosses KC
        { 5, 300, 300 },   // k crosses KC, n ends mid-panel
        { 7, 2065, 5 },    // n crosses NC
        { 129, 65, 33 },   // m crosses MC
        { 13, 33, 17 },
        { 64, 4, 64 },     // few columns: the unpacked product runs transposed
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_prepacked_B_gives_the_same_bits_as_packing_on_the_fly(int m, int n, int k)
    {
        foreach (bool transposeA in new[] { false, true })
        {
            foreach (bool transposeB in new[] { false, true })
            {
                var (a, b, c) = Operands(m, n, k, seed: (ulong)(m + n + k));
                int lda = transposeA ? m : k, ldb = transposeB ? k : n;
                foreach (bool accumulate in new[] { false, true })
                {
                    var expected = (float[])c.Clone();
                    Gemm.Multiply(transposeA, transposeB, m, n, k, a, lda, b, ldb, expected, n, accumulate);
                    var packed = new GemmPackedB();
                    packed.Pack(transposeB, k, n, b, ldb);
                    var actual = (float[])c.Clone();
                    Gemm.Multiply(transposeA, m, a, lda, packed, actual, n, accumulate);
                    Assert.Equal(expected, actual);
                }
            }
        }
    }

    [Fact]
    public void Repacking_follows_new_values_and_reuses_the_memory()
    {
        const int m = 3, n = 70, k = 20;
        var (a, b, _) = Operands(m, n, k, seed: 5);
        var packed = new GemmPackedB();
        packed.Pack(true, k, n, b, k);
        new Rng(6).FillUniform(b, -1, 1);

        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            packed.Pack(true, k - 1, n - 5, b, k);
            packed.Pack(true, k, n, b, k);
        }, warmup: 0));

        var expected = new float[m * n];
        GemmReference.Multiply(false, true, m, n, k, a, k, b, k, expected, n, false);
        var actual = new float[m * n];
        Gemm.Multiply(false, m, a, k, packed, actual, n);
        for (int i = 0; i < actual.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5f);
    }

    [Fact]
    public void The_packed_shape_is_reported()
    {
        var packed = new GemmPackedB();
        Assert.Equal((0, 0), (packed.Depth, packed.Columns));
        packed.Pack(false, 4, 9, new float[36], 9);
        Assert.Equal((4, 9), (packed.Depth, packed.Columns));
    }

    [Fact]
    public void Zero_depth_gives_zeros_or_leaves_C_unchanged_when_accumulating()
    {
        var packed = new GemmPackedB();
        packed.Pack(false, 0, 2, [], 2);
        var c = new float[] { 1, 2, 3, 4 };
        Gemm.Multiply(false, 2, [], 0, packed, c, 2, accumulate: true);
        Assert.Equal([1f, 2f, 3f, 4f], c);
        Gemm.Multiply(false, 2, [], 0, packed, c, 2);
        Assert.Equal([0f, 0f, 0f, 0f], c);
    }

    [Fact]
    public void Operands_too_short_for_the_stated_sizes_are_refused()
    {
        var packed = new GemmPackedB();
        var e = Assert.Throws<ArgumentException>(() => packed.Pack(true, 3, 4, new float[11], 3));
        Assert.Contains("B is 4×3", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => packed.Pack(false, -1, 4, new float[4], 4));

        packed.Pack(false, 3, 2, new float[6], 2);
        e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, 2, new float[5], 3, packed, new float[4], 2));
        Assert.Contains("A is 2×3", e.Message);
        e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, 2, new float[6], 3, packed, new float[3], 2));
        Assert.Contains("C is 2×2", e.Message);
        Assert.Throws<ArgumentNullException>(() => Gemm.Multiply(false, 2, new float[6], 3, null!, new float[4], 2));
    }

    private static (float[] A, float[] B, float[] C) Operands(int m, int n, int k, ulong seed)
    {
        var rng = new Rng(seed);
        var a = new float[m * k];
        var b = new float[k * n];
        var c = new float[m * n];
        rng.FillUniform(a, -1, 1);
        rng.FillUniform(b, -1, 1);
        rng.FillUniform(c, -1, 1);
        return (a, b, c);
    }
}
