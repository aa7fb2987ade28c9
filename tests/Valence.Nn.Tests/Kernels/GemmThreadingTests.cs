using Valence.Nn.Initialization;
using Valence.Nn.Kernels;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Kernels;

[Collection(WorkersCollection.Name)]
public class GemmThreadingTests
{
    [Theory]
    [InlineData(false, false, 130, 70, 150)]   // split over rows
    [InlineData(true, false, 40, 300, 100)]    // split over columns
    [InlineData(false, true, 64, 256, 64)]     // LSTM step
    [InlineData(true, false, 256, 64, 700)]    // LSTM weight gradient, k = batch·time
    [InlineData(false, true, 300, 5, 800)]     // few columns: computed as the transposed product
    public void Results_are_bit_identical_for_any_thread_count(bool transposeA, bool transposeB, int m, int n, int k)
    {
        var rng = new Rng(7);
        var a = new float[m * k];
        var b = new float[k * n];
        rng.FillUniform(a, -1, 1);
        rng.FillUniform(b, -1, 1);
        float[] single = MultiplyWithThreads(1, transposeA, transposeB, m, n, k, a, b);
        foreach (int threads in new[] { 2, 3 })
            Assert.Equal(single, MultiplyWithThreads(threads, transposeA, transposeB, m, n, k, a, b));
    }

    [Theory]
    [InlineData(false, 130, 70, 150)]    // split over rows
    [InlineData(true, 40, 300, 100)]     // split over columns: whole panels of the prepacked B
    [InlineData(false, 64, 256, 64)]     // LSTM step
    public void Prepacked_results_are_bit_identical_for_any_thread_count(bool transposeA, int m, int n, int k)
    {
        var rng = new Rng(8);
        var a = new float[m * k];
        var b = new float[k * n];
        rng.FillUniform(a, -1, 1);
        rng.FillUniform(b, -1, 1);
        var packed = new GemmPackedB();
        packed.Pack(true, k, n, b, k);
        float[] single = MultiplyPackedWithThreads(1, transposeA, m, a, packed);
        foreach (int threads in new[] { 2, 3 })
            Assert.Equal(single, MultiplyPackedWithThreads(threads, transposeA, m, a, packed));
    }

    [Fact]
    public void Steady_state_multiplication_allocates_nothing()
    {
        int previous = Workers.MaxThreads;
        try
        {
            Workers.MaxThreads = 2;
            var a = new float[256 * 700];
            var b = new float[700 * 256];
            var c = new float[256 * 256];
            new Rng(3).FillUniform(a, -1, 1);
            new Rng(4).FillUniform(b, -1, 1);
            Assert.Equal(0, Allocations.SteadyState(() => RunTypicalShapes(a, b, c)));
        }
        finally
        {
            Workers.MaxThreads = previous;
        }
    }

    // The shapes of our layers: LSTM step (threaded), its weight gradient, Dense, conv im2col.
    private static void RunTypicalShapes(float[] a, float[] b, float[] c)
    {
        Gemm.Multiply(false, true, 64, 256, 64, a, 64, b, 64, c, 256);
        Gemm.Multiply(true, false, 256, 64, 700, a, 256, b, 64, c, 64, accumulate: true);
        Gemm.Multiply(false, false, 64, 4, 64, a, 64, b, 4, c, 4);
        Gemm.Multiply(false, false, 64, 254, 42, a, 42, b, 254, c, 254);
    }

    private static float[] MultiplyWithThreads(int threads, bool transposeA, bool transposeB, int m, int n, int k, float[] a, float[] b)
    {
        int previous = Workers.MaxThreads;
        try
        {
            Workers.MaxThreads = threads;
            var c = new float[m * n];
            Gemm.Multiply(transposeA, transposeB, m, n, k, a, transposeA ? m : k, b, transposeB ? k : n, c, n);
            return c;
        }
        finally
        {
            Workers.MaxThreads = previous;
        }
    }

    private static float[] MultiplyPackedWithThreads(int threads, bool transposeA, int m, float[] a, GemmPackedB b)
    {
        int previous = Workers.MaxThreads;
        try
        {
            Workers.MaxThreads = threads;
            var c = new float[m * b.Columns];
            Gemm.Multiply(transposeA, m, a, transposeA ? m : b.Depth, b, c, b.Columns);
            return c;
        }
        finally
        {
            Workers.MaxThreads = previous;
        }
    }
}
