using System.Text.Json;
using Valence.Eeg.Datasets;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Datasets;

/// <summary>The normaliser's statistics against numpy's, from tests/fixtures/normalizer/percentiles.json (see make_normalizer.py).</summary>
public class NormalizerNumpyTests
{
    private static readonly JsonElement Fixture = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "normalizer", "percentiles.json"))).RootElement;

    private static (WindowSet Windows, int[] Training) Data()
    {
        float[] signal = [.. Fixture.GetProperty("signal").EnumerateArray().Select(e => (float)e.GetDouble())];
        var recording = new SubjectRecording(1, signal, 1, ["Fz"], 128, [new(5, 5, 5, 5)], 0, "numpy fixture");
        var settings = new WindowSettings(SignalDuration.FromSamples(Fixture.GetProperty("windowLength").GetInt32()),
            SignalDuration.FromSamples(Fixture.GetProperty("windowStride").GetInt32()));
        return (new WindowSet(new TrialSet([recording]), settings), [.. Fixture.GetProperty("trainingWindows").EnumerateArray().Select(e => e.GetInt32())]);
    }

    [Fact]
    public void Mean_deviation_extremes_and_every_percentile_match_numpy()
    {
        var (windows, training) = Data();
        double[] percents = [.. Fixture.GetProperty("percents").EnumerateArray().Select(e => e.GetDouble())];
        double[] expected = [.. Fixture.GetProperty("percentiles").EnumerateArray().Select(e => e.GetDouble())];
        for (int i = 0; i < percents.Length; i++)
            for (int j = i + 1; j < percents.Length; j++)
            {
                var c = Normalizer.Fit(windows, training, new NormalizerSettings(lowerPercentile: percents[i], upperPercentile: percents[j])).Channels[0];
                Assert.Equal(Fixture.GetProperty("mean").GetDouble(), c.Mean, 1e-6);
                Assert.Equal(Fixture.GetProperty("std").GetDouble(), c.StandardDeviation, 1e-6);
                Assert.Equal(expected[i], c.Lower * c.StandardDeviation + c.Mean, 1e-9);
                Assert.Equal(expected[j], c.Upper * c.StandardDeviation + c.Mean, 1e-9);
            }
        var paper = Normalizer.Fit(windows, training, NormalizerSettings.Paper).Channels[0];
        Assert.Equal(Fixture.GetProperty("min").GetDouble(), paper.Lower * paper.StandardDeviation + paper.Mean, 1e-9);
        Assert.Equal(Fixture.GetProperty("max").GetDouble(), paper.Upper * paper.StandardDeviation + paper.Mean, 1e-9);
    }
}
