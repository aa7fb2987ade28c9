using System.Text.Json;
using Valence.Eeg.Preprocessing;

namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>Causal filtering equals scipy.signal.sosfilt; chunked streaming with the state carried equals one call.</summary>
public sealed class CausalSosFilterTests
{
    [Fact]
    public void Chunks_with_carried_state_equal_scipy_sosfilt_and_its_final_state()
    {
        JsonElement golden = ScipyGoldens.Section("sosfilt");
        SecondOrderSections sos = ScipyGoldens.Design(golden.GetProperty("filter"));
        double[][] x = ScipyGoldens.Rows(golden.GetProperty("input")), expected = ScipyGoldens.Rows(golden.GetProperty("output"));
        int[] chunks = golden.GetProperty("chunks").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        // final_state is [section][channel][2].
        double[] finalState = ScipyGoldens.Flatten(golden.GetProperty("final_state"));
        for (int r = 0; r < x.Length; r++)
        {
            var state = new double[2 * sos.Count];
            var y = new double[x[r].Length];
            int start = 0;
            foreach (int size in chunks)
            {
                SosFilter.Apply(sos, state, x[r].AsSpan(start, size), y.AsSpan(start, size));
                start += size;
            }
            CloseAssert.Close(expected[r], y, 1e-5, $"channel {r}");
            double[] expectedState = Enumerable.Range(0, sos.Count).SelectMany(s => new[] { finalState[(s * x.Length + r) * 2], finalState[(s * x.Length + r) * 2 + 1] }).ToArray();
            CloseAssert.Close(expectedState, state, 1e-5, $"final state of channel {r}");
        }
    }

    [Fact]
    public void Streaming_in_chunks_equals_filtering_in_one_go()
    {
        SecondOrderSections sos = ButterworthDesign.BandPass(4, 4, 45, 128);
        const int channels = 3, n = 2500;
        float[] signal = ZeroPhaseSosFilterTests.Signal(channels * n, seed: 5);

        var whole = new CausalSosFilter(sos, channels);
        var once = new float[signal.Length];
        whole.Process(signal, once);

        var streamed = new CausalSosFilter(sos, channels);
        var pieces = new float[signal.Length];
        int[] sizes = [1, 2, 127, 128, 1000, 1242];
        int start = 0;
        foreach (int size in sizes)
        {
            // A chunk holds every channel's next `size` samples, channel-major.
            var chunk = new float[channels * size];
            for (int c = 0; c < channels; c++) signal.AsSpan(c * n + start, size).CopyTo(chunk.AsSpan(c * size));
            streamed.Process(chunk, chunk);
            for (int c = 0; c < channels; c++) chunk.AsSpan(c * size, size).CopyTo(pieces.AsSpan(c * n + start));
            start += size;
        }
        Assert.Equal(n, start);
        Assert.Equal(once, pieces);
        for (int c = 0; c < channels; c++) Assert.Equal(whole.StateOf(c), streamed.StateOf(c));
    }

    [Fact]
    public void Priming_with_a_constant_gives_a_steady_output()
    {
        SecondOrderSections sos = ButterworthDesign.LowPass(4, 10, 128);
        var filter = new CausalSosFilter(sos, 1);
        filter.Prime([3f]);
        var y = new float[100];
        filter.Process(Enumerable.Repeat(3f, 100).ToArray(), y);
        Assert.All(y, v => Assert.Equal(3f, v, 1e-5f));
        filter.Reset();
        Assert.All(filter.StateOf(0), z => Assert.Equal(0.0, z));
    }
}
