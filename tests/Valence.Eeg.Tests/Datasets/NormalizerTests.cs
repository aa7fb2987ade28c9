using Valence.Eeg.Datasets;
using Valence.Eeg.Formats;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Datasets;

public class NormalizerTests
{
    private const int Channels = 3;

    /// <summary>Two subjects × 4 trials of 6 s with a 1 s baseline; channels have different offsets and scales. Returns the arrays so tests can change them.</summary>
    private static (WindowSet Windows, float[][] Arrays) Data(int seed = 1)
    {
        var random = new Random(seed);
        var arrays = new float[2][];
        var recordings = new SubjectRecording[2];
        int perTrial = 7 * 128;
        for (int s = 0; s < 2; s++)
        {
            arrays[s] = new float[4 * Channels * perTrial];
            for (int t = 0; t < 4; t++)
                for (int c = 0; c < Channels; c++)
                    for (int i = 0; i < perTrial; i++)
                        arrays[s][(t * Channels + c) * perTrial + i] = (float)(10 * c - 5 + (c + 1) * Gaussian(random));
            recordings[s] = new SubjectRecording(s + 1, arrays[s], 4, ["Fz", "Cz", "Pz"], 128,
                [.. Enumerable.Range(0, 4).Select(TestRecordings.QuadrantRatings)], 1, $"test s{s + 1}");
        }
        return (new WindowSet(new TrialSet(recordings), WindowSettings.Paper), arrays);
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    /// <summary>Training windows: every window of trials 0–2 of each subject; trial 3 is "test".</summary>
    private static int[] Training(WindowSet w) =>
        [.. Enumerable.Range(0, w.Count).Where(i => w.Trials.Key(w.TrialOf(i)).Trial != 3)];

    private static double[] Values(WindowSet w, int[] indices, int channel) =>
        [.. indices.SelectMany(i => w.Channel(i, channel).ToArray()).Select(v => (double)v)];

    /// <summary>numpy's default percentile, from the sorted values: the independent truth for the radix select.</summary>
    private static double NumpyPercentile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p / 100;
        int f = (int)Math.Floor(h);
        return f + 1 < sorted.Length ? sorted[f] + (sorted[f + 1] - sorted[f]) * (h - f) : sorted[f];
    }

    [Fact]
    public void Percentiles_follow_numpys_linear_definition()
    {
        double[] oneToTen = [.. Enumerable.Range(1, 10).Select(i => (double)i)];
        Assert.Equal(3.25, NumpyPercentile(oneToTen, 25), 12);   // numpy.percentile(range(1, 11), 25) == 3.25
        var ((below, above), fraction) = Percentile.Ranks(25, 10);
        Assert.Equal((2L, 3L, 0.25), (below, above, fraction));
        Assert.Equal((9L, 9L), Percentile.Ranks(100, 10).Ranks);
        Assert.Equal((0L, 1L), Percentile.Ranks(0, 10).Ranks);
    }

    [Fact]
    public void Radix_select_finds_every_rank_exactly_with_negatives_duplicates_and_zeros()
    {
        float[] samples = [3f, -1f, 0f, -0.5f, 3f, float.MaxValue, -float.MaxValue, 1e-30f, -1e-30f, 2.5f, 3f, 0f, 7f, -8f, 1e20f, -1f];
        var recording = new SubjectRecording(1, samples, 1, ["A"], 1, [new(5, 5, 5, 5)], 0, "t");
        var windows = new WindowSet(new TrialSet([recording]), new WindowSettings(SignalDuration.FromSamples(4), SignalDuration.FromSamples(4)));
        int[] all = [0, 1, 2, 3];
        var sorted = samples.Order().ToArray();
        long[] ranks = [.. Enumerable.Range(0, samples.Length).Select(i => (long)i)];
        Assert.Equal(sorted, new OrderStatistics(16).Select(windows, all, 0, ranks));
        // Over a subset of windows, counted with repetition.
        int[] someTwice = [3, 1, 3];
        var subset = someTwice.SelectMany(i => samples.Skip(4 * i).Take(4)).Order().ToArray();
        Assert.Equal(subset, new OrderStatistics(16).Select(windows, someTwice, 0, [.. Enumerable.Range(0, 12).Select(i => (long)i)]));
    }

    [Fact]
    public void Radix_select_agrees_with_sorting_on_thousands_of_values_of_every_magnitude()
    {
        var random = new Random(3);
        var samples = new float[4096];
        for (int i = 0; i < samples.Length; i++)
            samples[i] = i % 10 == 0 ? samples[i / 2] : (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-40, 38)));
        var recording = new SubjectRecording(1, samples, 1, ["A"], 1, [new(5, 5, 5, 5)], 0, "t");
        var windows = new WindowSet(new TrialSet([recording]), new WindowSettings(SignalDuration.FromSamples(64), SignalDuration.FromSamples(32)));
        int[] all = [.. Enumerable.Range(0, windows.Count)];
        var sorted = all.SelectMany(w => windows.Channel(w, 0).ToArray()).Order().ToArray();
        var select = new OrderStatistics(4);
        for (long rank = 0; rank < sorted.Length; rank += 97)
        {
            long[] ranks = [rank, Math.Min(rank + 1, sorted.Length - 1), sorted.Length - 1 - rank, 0];
            Assert.Equal(ranks.Select(r => sorted[r]), select.Select(windows, all, 0, ranks));
        }
    }

    [Fact]
    public void Statistics_match_an_independent_computation_over_the_training_windows()
    {
        var (windows, _) = Data();
        var train = Training(windows);
        var n = Normalizer.Fit(windows, train, NormalizerSettings.Default);
        Assert.Equal((long)train.Length * windows.Length, n.SamplesPerChannel);
        for (int c = 0; c < Channels; c++)
        {
            var values = Values(windows, train, c);
            double mean = values.Average();
            double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
            var sorted = values.Order().ToArray();
            var s = n.Channels[c];
            Assert.Equal(mean, s.Mean, 1e-5 * sd);
            Assert.Equal(sd, s.StandardDeviation, 1e-5 * sd);
            Assert.Equal((NumpyPercentile(sorted, 1) - s.Mean) / s.StandardDeviation, s.Lower, 1e-12);
            Assert.Equal((NumpyPercentile(sorted, 99) - s.Mean) / s.StandardDeviation, s.Upper, 1e-12);
        }
        var paper = Normalizer.Fit(windows, train, NormalizerSettings.Paper);
        var c1 = Values(windows, train, 1);
        Assert.Equal((c1.Min() - paper.Channels[1].Mean) / paper.Channels[1].StandardDeviation, paper.Channels[1].Lower, 1e-12);
        Assert.Equal((c1.Max() - paper.Channels[1].Mean) / paper.Channels[1].StandardDeviation, paper.Channels[1].Upper, 1e-12);
    }

    [Fact]
    public void Fitted_on_training_windows_only_test_data_changes_change_nothing()
    {
        var (windows, arrays) = Data();
        var train = Training(windows);
        string before = Normalizer.Fit(windows, train, NormalizerSettings.Default).ToJson();
        // Rewrite every sample of every test trial (trial 3 of each subject), including a huge spike.
        int perTrial = windows.Trials.SamplesPerTrial * Channels;
        foreach (var a in arrays)
            for (int i = 3 * perTrial; i < 4 * perTrial; i++) a[i] = i % 97 == 0 ? 1e6f : -a[i] * 3 + 100;
        Assert.Equal(before, Normalizer.Fit(windows, train, NormalizerSettings.Default).ToJson());
        // And a training sample does move it: the test above is not blind.
        arrays[0][400] += 50;
        Assert.NotEqual(before, Normalizer.Fit(windows, train, NormalizerSettings.Default).ToJson());
    }

    [Theory]
    [InlineData(NormalizationMethod.ZScoreThenMinMax, MinMaxBounds.Percentiles, true, OutputRange.MinusOneToOne)]
    [InlineData(NormalizationMethod.ZScoreThenMinMax, MinMaxBounds.Extremes, false, OutputRange.ZeroToOne)]
    [InlineData(NormalizationMethod.ZScoreThenMinMax, MinMaxBounds.Percentiles, false, OutputRange.Centred)]
    [InlineData(NormalizationMethod.ZScoreThenMinMax, MinMaxBounds.Extremes, true, OutputRange.Centred)]
    [InlineData(NormalizationMethod.ZScore, MinMaxBounds.Percentiles, true, OutputRange.MinusOneToOne)]
    [InlineData(NormalizationMethod.None, MinMaxBounds.Percentiles, true, OutputRange.MinusOneToOne)]
    public void Apply_computes_the_documented_formula_and_survives_a_JSON_round_trip_bit_for_bit(
        NormalizationMethod method, MinMaxBounds bounds, bool clip, OutputRange range)
    {
        var (windows, _) = Data();
        var settings = new NormalizerSettings(method, bounds, 5, 95, clip, range);
        var fitted = Normalizer.Fit(windows, Training(windows), settings);
        var restored = Normalizer.FromJson(fitted.ToJson());
        Assert.Equal(fitted.Settings, restored.Settings);
        Assert.Equal(fitted.Channels, restored.Channels);   // every double bit for bit
        Assert.Equal(fitted.SamplesPerChannel, restored.SamplesPerChannel);

        int[] pick = [.. Enumerable.Range(0, windows.Count).Where(i => i % 5 == 0)];
        var raw = new float[pick.Length * Channels * windows.Length];
        windows.CopyBatch(pick, raw);
        var a = raw.ToArray();
        var b = raw.ToArray();
        fitted.Apply(a, pick.Length);
        restored.Apply(b, pick.Length);
        Assert.Equal(a, b);

        var (low, high) = settings.RangeEnds;
        for (int i = 0; i < raw.Length; i++)
        {
            var s = fitted.Channels[i / windows.Length % Channels];
            double expected = raw[i];
            if (method != NormalizationMethod.None) expected = (expected - s.Mean) / s.StandardDeviation;
            if (method == NormalizationMethod.ZScoreThenMinMax)
            {
                expected = (expected - s.Lower) / (s.Upper - s.Lower) * (high - low) + low;
                if (clip) expected = Math.Clamp(expected, low, high);
            }
            Assert.True(Math.Abs(expected - a[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"sample {i}: {a[i]}, expected {expected}");
        }
        if (method == NormalizationMethod.ZScoreThenMinMax && clip) Assert.All(a, v => Assert.InRange(v, low, high));
        if (method == NormalizationMethod.None) Assert.Equal(raw, a);
    }

    [Fact]
    public void Z_score_gives_zero_mean_and_unit_deviation_on_the_training_windows()
    {
        var (windows, _) = Data();
        var train = Training(windows);
        var batch = new float[train.Length * Channels * windows.Length];
        windows.CopyBatch(train, batch);
        Normalizer.Fit(windows, train, NormalizerSettings.ZScoreOnly).Apply(batch, train.Length);
        for (int c = 0; c < Channels; c++)
        {
            var values = Enumerable.Range(0, batch.Length).Where(i => i / windows.Length % Channels == c).Select(i => (double)batch[i]).ToArray();
            double mean = values.Average();
            Assert.Equal(0, mean, 1e-4);
            Assert.Equal(1, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length), 1e-4);
        }
    }

    [Fact]
    public void Robust_bounds_keep_a_channel_spread_over_the_range_despite_one_blink()
    {
        var (windows, arrays) = Data();
        var train = Training(windows);
        arrays[0][2 * windows.Trials.SamplesPerTrial + 700] = 5000f;   // one sample of channel Pz, trial 0: a blink 1000 sd high
        var batch = new float[train.Length * Channels * windows.Length];
        float Spread(NormalizerSettings settings)
        {
            windows.CopyBatch(train, batch);
            Normalizer.Fit(windows, train, settings).Apply(batch, train.Length);
            var pz = Enumerable.Range(0, batch.Length).Where(i => i / windows.Length % Channels == 2).Select(i => batch[i]).Order().ToArray();
            return pz[(int)(0.95 * pz.Length)] - pz[(int)(0.05 * pz.Length)];
        }
        float squashed = Spread(NormalizerSettings.Paper);
        float robust = Spread(NormalizerSettings.Default);
        Assert.True(squashed < 0.01f, $"extremes: the middle 90% spans {squashed} of [0, 1]");
        Assert.True(robust > 1.0f, $"percentiles: the middle 90% spans {robust} of [-1, 1]");
        Assert.True(batch.Max() <= 1f);
    }

    [Fact]
    public void Flat_channels_are_centred_not_divided_by_zero()
    {
        var samples = new float[1 * 2 * 256];
        Array.Fill(samples, 7f, 0, 256);
        for (int i = 256; i < 512; i++) samples[i] = i % 2;
        var recording = new SubjectRecording(1, samples, 1, ["Flat", "Alt"], 128, [new(5, 5, 5, 5)], 0, "t");
        var windows = new WindowSet(new TrialSet([recording]), new WindowSettings(SignalDuration.FromSamples(256), SignalDuration.FromSamples(1)));
        foreach (var settings in new[] { NormalizerSettings.Default, NormalizerSettings.ZScoreOnly, NormalizerSettings.Paper })
        {
            var n = Normalizer.Fit(windows, [0], settings);
            var batch = samples.ToArray();
            n.Apply(batch, 1);
            Assert.All(batch, v => Assert.True(float.IsFinite(v)));
            float expectedFlat = settings.Method == NormalizationMethod.ZScore ? 0f : settings.RangeEnds.Low + (settings.RangeEnds.High - settings.RangeEnds.Low) / 2;
            Assert.All(batch.Take(256), v => Assert.Equal(expectedFlat, v));
        }
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_problem()
    {
        var (windows, arrays) = Data();
        Assert.Throws<ArgumentException>(() => Normalizer.Fit(windows, [], NormalizerSettings.Default));
        var n = Normalizer.Fit(windows, [0, 1], NormalizerSettings.Default);
        Assert.Throws<ArgumentException>(() => n.Apply(new float[2 * Channels * windows.Length + 1], 2));
        Assert.Throws<ArgumentException>(() => n.Apply(new float[2 * 4 * 10], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NormalizerSettings(lowerPercentile: 99, upperPercentile: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NormalizerSettings(lowerPercentile: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NormalizerSettings(upperPercentile: double.NaN));
        arrays[1][200 + windows.Trials.SamplesPerTrial] = float.NaN;   // subject 2, trial 0, channel Cz, after the baseline
        var nan = Assert.Throws<ArgumentException>(() => Normalizer.Fit(windows, [.. Enumerable.Range(0, windows.Count)], NormalizerSettings.Default));
        Assert.Contains("Cz", nan.Message);

        string json = n.ToJson();
        Assert.Contains("format", Assert.Throws<EegFormatException>(() => Normalizer.FromJson(json.Replace(Normalizer.Format, "other/1"))).Message);
        Assert.Contains("standardDeviation", Assert.Throws<EegFormatException>(() => Normalizer.FromJson(json.Replace("\"standardDeviation\"", "\"sd\""))).Message);
        Assert.Contains("method", Assert.Throws<EegFormatException>(() => Normalizer.FromJson(json.Replace("ZScoreThenMinMax", "Magic"))).Message);
        Assert.Throws<EegFormatException>(() => Normalizer.FromJson(json[..^5]));
        Assert.Throws<EegFormatException>(() => Normalizer.FromJson(json.Replace("\"lowerPercentile\": 1", "\"lowerPercentile\": 120")));
    }
}
