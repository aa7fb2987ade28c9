using System.Text.Json;
using Valence.Eeg.Preprocessing;
using Xunit.Abstractions;

namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>Resampling equals scipy.signal.resample_poly with its defaults, filter taps included.</summary>
public sealed class PolyphaseResamplerTests(ITestOutputHelper output)
{
    public static TheoryData<int> Cases => ScipyGoldens.Cases("resample_poly");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_and_taps_equal_scipy_resample_poly(int index)
    {
        JsonElement golden = ScipyGoldens.Section("resample_poly")[index];
        int up = golden.GetProperty("up").GetInt32(), down = golden.GetProperty("down").GetInt32();
        var resampler = new PolyphaseResampler(up, down);
        CloseAssert.Close(ScipyGoldens.Doubles(golden.GetProperty("taps")), resampler.Taps.ToArray(), 1e-12, $"taps {up}/{down}");
        double[][] x = ScipyGoldens.Rows(golden.GetProperty("input")), expected = ScipyGoldens.Rows(golden.GetProperty("output"));
        for (int r = 0; r < x.Length; r++)
        {
            Assert.Equal(expected[r].Length, resampler.OutputLength(x[r].Length));
            var y = new double[expected[r].Length];
            resampler.Resample(x[r], y);
            double worst = CloseAssert.Close(expected[r], y, 1e-5, $"{up}/{down}, {x[r].Length} samples, row {r}");
            output.WriteLine($"{up}/{down}, {x[r].Length} samples: worst relative error {worst:E2}");
        }
    }

    [Fact]
    public void Factors_are_reduced_and_zero_or_negative_ones_refused()
    {
        var resampler = new PolyphaseResampler(128, 512);
        Assert.Equal((1, 4), (resampler.Up, resampler.Down));
        Assert.Equal(8064, resampler.OutputLength(32256));
        Assert.Contains("up = 0", Assert.Throws<ArgumentOutOfRangeException>(() => new PolyphaseResampler(0, 4)).Message);
        Assert.Contains("down = -2", Assert.Throws<ArgumentOutOfRangeException>(() => new PolyphaseResampler(1, -2)).Message);
    }

    [Fact]
    public void Float_input_gives_the_double_result_rounded()
    {
        var resampler = new PolyphaseResampler(2, 3);
        float[] x = ZeroPhaseSosFilterTests.Signal(301, seed: 1);
        var y = new float[resampler.OutputLength(x.Length)];
        var reference = new double[y.Length];
        resampler.Resample(x, y);
        resampler.Resample(x.Select(v => (double)v).ToArray(), reference);
        Assert.Equal(reference.Select(v => (float)v).ToArray(), y);
    }
}
