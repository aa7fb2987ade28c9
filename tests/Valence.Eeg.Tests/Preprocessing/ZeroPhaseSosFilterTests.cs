using System.Text.Json;
using Valence.Eeg.Preprocessing;
using Xunit.Abstractions;

namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>Zero-phase filtering equals scipy.signal.sosfiltfilt; the vectorised, parallel path equals the scalar reference bit for bit.</summary>
public sealed class ZeroPhaseSosFilterTests(ITestOutputHelper output)
{
    public static TheoryData<int> Cases => ScipyGoldens.Cases("sosfiltfilt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_signal_equals_scipy_sosfiltfilt(int index)
    {
        JsonElement golden = ScipyGoldens.Section("sosfiltfilt")[index];
        SecondOrderSections sos = ScipyGoldens.Design(golden.GetProperty("filter"));
        Assert.Equal(golden.GetProperty("padlen").GetInt32(), sos.DefaultPadLength);
        double[][] x = ScipyGoldens.Rows(golden.GetProperty("input")), expected = ScipyGoldens.Rows(golden.GetProperty("output"));
        for (int r = 0; r < x.Length; r++)
        {
            var y = new double[x[r].Length];
            ZeroPhaseSosFilter.Apply(sos, x[r], y);
            double worst = CloseAssert.Close(expected[r], y, 1e-5, $"{golden.GetProperty("name")} row {r}");
            output.WriteLine($"{golden.GetProperty("name")} row {r}: worst relative error {worst:E2}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rows_filtered_together_in_float_equal_the_double_path(int index)
    {
        JsonElement golden = ScipyGoldens.Section("sosfiltfilt")[index];
        SecondOrderSections sos = ScipyGoldens.Design(golden.GetProperty("filter"));
        double[][] x = ScipyGoldens.Rows(golden.GetProperty("input"));
        int n = x[0].Length;
        float[] samples = x.SelectMany(row => row.Select(v => (float)v)).ToArray();
        ZeroPhaseSosFilter.ApplyToRows(sos, samples, n);
        for (int r = 0; r < x.Length; r++)
        {
            // float32 input: the same filter on the same rounded input, to float32 precision.
            var reference = new double[n];
            ZeroPhaseSosFilter.Apply(sos, x[r].Select(v => (double)(float)v).ToArray(), reference);
            CloseAssert.Close(reference, samples.AsSpan(r * n, n).ToArray().Select(v => (double)v).ToArray(), 1e-5, $"row {r} (float)");
        }
    }

    [Fact]
    public void Signals_not_longer_than_the_padding_are_refused()
    {
        SecondOrderSections sos = ButterworthDesign.BandPass(4, 4, 45, 128);
        Assert.Equal(27, sos.DefaultPadLength);
        var error = Assert.Throws<ArgumentException>(() => ZeroPhaseSosFilter.Apply(sos, new double[27], new double[27]));
        Assert.Contains("longer than the padding of 27 samples", error.Message);
        ZeroPhaseSosFilter.Apply(sos, new double[28], new double[28]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(17)]
    public void Vectorised_lanes_equal_the_scalar_reference_run_forwards_and_back_bit_for_bit(int rows)
    {
        SecondOrderSections sos = ButterworthDesign.BandPass(3, 1, 30, 128);
        const int n = 301;
        float[] samples = Signal(rows * n, seed: rows);
        float[] filtered = (float[])samples.Clone();
        ZeroPhaseSosFilter.ApplyToRows(sos, filtered, n);
        for (int r = 0; r < rows; r++)
        {
            double[] expected = ScalarFiltFilt(sos, samples.AsSpan(r * n, n));
            for (int t = 0; t < n; t++) Assert.Equal((float)expected[t], filtered[r * n + t]);
        }
    }

    [Fact]
    public void Selected_rows_are_filtered_and_the_others_left_alone()
    {
        SecondOrderSections sos = ButterworthDesign.HighPass(2, 1, 128);
        const int n = 200;
        float[] samples = Signal(5 * n, seed: 3), filtered = (float[])samples.Clone();
        ZeroPhaseSosFilter.ApplyToRows(sos, filtered, n, [3, 1]);
        foreach (int untouched in new[] { 0, 2, 4 })
            Assert.Equal(samples.AsSpan(untouched * n, n).ToArray(), filtered.AsSpan(untouched * n, n).ToArray());
        Assert.NotEqual(samples.AsSpan(n, n).ToArray(), filtered.AsSpan(n, n).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => ZeroPhaseSosFilter.ApplyToRows(sos, filtered, n, [5]));
        Assert.Throws<ArgumentException>(() => ZeroPhaseSosFilter.ApplyToRows(sos, filtered, n, [1, 1]));
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        SecondOrderSections sos = ButterworthDesign.BandPass(4, 4, 45, 128);
        const int n = 1000;
        float[] samples = Signal(40 * n, seed: 9);
        float[] one = (float[])samples.Clone(), two = (float[])samples.Clone(), all = (float[])samples.Clone();
        ZeroPhaseSosFilter.ApplyToRows(sos, one, n, maxDegreeOfParallelism: 1);
        ZeroPhaseSosFilter.ApplyToRows(sos, two, n, maxDegreeOfParallelism: 2);
        ZeroPhaseSosFilter.ApplyToRows(sos, all, n);
        Assert.Equal(one, two);
        Assert.Equal(one, all);
    }

    [Fact]
    public void Filtering_into_another_array_equals_filtering_in_place_and_leaves_the_input()
    {
        SecondOrderSections sos = ButterworthDesign.LowPass(3, 20, 128);
        const int n = 333;
        float[] samples = Signal(11 * n, seed: 4), original = (float[])samples.Clone();
        float[] output = new float[samples.Length];
        ZeroPhaseSosFilter.ApplyToRows(sos, samples, output, n);
        Assert.Equal(original, samples);
        ZeroPhaseSosFilter.ApplyToRows(sos, samples, n);
        Assert.Equal(samples, output);
        Assert.Throws<ArgumentException>(() => ZeroPhaseSosFilter.ApplyToRows(sos, samples, new float[samples.Length - 1], n));
    }

    private static double[] ScalarFiltFilt(SecondOrderSections sos, ReadOnlySpan<float> row)
    {
        int n = row.Length, pad = sos.DefaultPadLength;
        var ext = new double[n + 2 * pad];
        for (int i = 0; i < pad; i++) ext[i] = 2 * (double)row[0] - row[pad - i];
        for (int t = 0; t < n; t++) ext[pad + t] = row[t];
        for (int j = 0; j < pad; j++) ext[pad + n + j] = 2 * (double)row[n - 1] - row[n - 2 - j];
        double[] steady = sos.SteadyState();
        double[] state = steady.Select(z => z * ext[0]).ToArray();
        SosFilter.Apply(sos, state, ext, ext);
        Array.Reverse(ext);
        state = steady.Select(z => z * ext[0]).ToArray();
        SosFilter.Apply(sos, state, ext, ext);
        Array.Reverse(ext);
        return ext[pad..(pad + n)];
    }

    internal static float[] Signal(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(20 * Math.Sin(i * 0.3) + 5 * (random.NextDouble() - 0.5) + 30 * Math.Sin(i * 0.01 + seed));
        return values;
    }
}
