using Valence.Nn.Initialization;

namespace Valence.Nn.Tests.Tensors;

public class RngTests
{
    [Fact]
    public void Same_seed_gives_the_same_stream_and_different_seeds_differ()
    {
        var a = new Rng(42);
        var b = new Rng(42);
        var c = new Rng(43);
        var sa = Enumerable.Range(0, 100).Select(_ => a.NextUInt()).ToArray();
        var sb = Enumerable.Range(0, 100).Select(_ => b.NextUInt()).ToArray();
        var sc = Enumerable.Range(0, 100).Select(_ => c.NextUInt()).ToArray();
        Assert.Equal(sa, sb);
        Assert.NotEqual(sa, sc);
    }

    [Fact]
    public void Uniform_and_gaussian_have_the_expected_moments()
    {
        var rng = new Rng(7);
        const int n = 200_000;
        double sum = 0, sumSq = 0, gSum = 0, gSq = 0;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextFloat();
            Assert.InRange(u, 0.0, 1.0 - 1e-9);
            sum += u; sumSq += u * u;
            double g = rng.NextGaussian();
            gSum += g; gSq += g * g;
        }
        // Uniform(0,1): mean 1/2, variance 1/12. Standard normal: mean 0, variance 1. 5-sigma bounds.
        Assert.InRange(sum / n, 0.5 - 5 * Math.Sqrt(1.0 / 12 / n), 0.5 + 5 * Math.Sqrt(1.0 / 12 / n));
        Assert.InRange(sumSq / n - Math.Pow(sum / n, 2), 1.0 / 12 - 0.002, 1.0 / 12 + 0.002);
        Assert.InRange(gSum / n, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(gSq / n, 0.98, 1.02);
    }

    [Fact]
    public void NextInt_covers_its_range_evenly()
    {
        var rng = new Rng(3);
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++) counts[rng.NextInt(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }
}
