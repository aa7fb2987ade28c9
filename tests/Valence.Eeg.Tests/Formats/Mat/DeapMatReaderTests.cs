using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Mat;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Formats.Mat;

public class DeapMatReaderTests
{
    [Theory]
    [InlineData("deap/s01.mat", 1)]
    [InlineData("deap/s02.mat", 2)]
    [InlineData("deap/s03.mat", 3)]
    public void DEAP_shaped_files_written_by_scipy_read_as_recordings(string file, int subject)
    {
        var expected = MatFixtures.Variables(file).ToDictionary(v => v.Name);
        SubjectRecording r = DeapMatReader.Read(MatFixtures.PathOf(file));
        Assert.Equal(subject, r.Subject);
        Assert.Equal((2, 3, 400), (r.TrialCount, r.ChannelCount, r.SamplesPerTrial));
        Assert.Equal(128.0, r.SampleRate);
        Assert.Equal(3.0, r.BaselineSeconds);
        Assert.Equal(["Ch1", "Ch2", "Ch3"], r.ChannelNames);
        Assert.Equal(MatFixtures.PathOf(file), r.Source);
        Assert.Equal(expected["data"].Values.Select(v => (float)v), r.Samples.ToArray());
        double[] labels = expected["labels"].Values;
        Assert.Equal(Enumerable.Range(0, 2).Select(t => new Ratings((float)labels[4 * t], (float)labels[4 * t + 1], (float)labels[4 * t + 2], (float)labels[4 * t + 3])), r.Ratings);
    }

    [Theory]
    [InlineData(40, "Fp1", "Temperature")]
    [InlineData(32, "Fp1", "O2")]
    public void DEAP_channel_counts_get_DEAP_names(int channels, string first, string last)
    {
        SubjectRecording r = DeapMatReader.Read(DeapMatFiles.Write(DeapMatFiles.Recording(2, channels, 384)), "s05.mat");
        Assert.Equal(first, r.ChannelNames[0]);
        Assert.Equal(last, r.ChannelNames[^1]);
        Assert.Equal(5, r.Subject);
    }

    [Fact]
    public void Options_give_the_subject_and_channel_names()
    {
        var options = new DeapMatReadOptions { Subject = 9, ChannelNames = ["A", "B", "C"] };
        SubjectRecording r = DeapMatReader.Read(DeapMatFiles.Write(DeapMatFiles.Recording(1, 3, 384)), "anything.mat", options);
        Assert.Equal(9, r.Subject);
        Assert.Equal(["A", "B", "C"], r.ChannelNames);
        var wrongCount = Assert.Throws<EegFormatException>(() => DeapMatReader.Read(
            DeapMatFiles.Write(DeapMatFiles.Recording(1, 4, 384)), "s01.mat", options with { Subject = null }));
        Assert.Equal("data has 4 channels, but 3 channel names were given", wrongCount.Reason);
        var noSubject = Assert.Throws<ArgumentException>(() => DeapMatReader.Read(DeapMatFiles.Write(DeapMatFiles.Recording(1, 3, 384)), "anything.mat"));
        Assert.Contains("set DeapMatReadOptions.Subject", noSubject.Message);
    }

    [Fact]
    public void A_non_finite_sample_is_refused_naming_trial_channel_and_sample()
    {
        SubjectRecording good = DeapMatFiles.Recording(2, 40, 400);
        float[] samples = good.Samples.ToArray();
        samples[(1 * 40 + 7) * 400 + 123] = float.NaN;
        var bad = new SubjectRecording(1, samples, 2, good.ChannelNames, 128, good.Ratings, 3, "test");
        var e = Assert.Throws<EegFormatException>(() => DeapMatReader.Read(DeapMatFiles.Write(bad), "s01.mat"));
        Assert.Equal("variable 'data', trial 1, channel 7 (T7), sample 123 (0-based)", e.Place);
        Assert.Contains("NaN", e.Reason);
    }

    [Fact]
    public void A_double_beyond_float32_range_is_refused_as_not_finite()
    {
        var stream = DeapMatFiles.WriteVariables(("data", [1, 1, 384], Enumerable.Repeat(1e300, 384).ToArray()), ("labels", [1, 4], [5, 5, 5, 5]));
        var e = Assert.Throws<EegFormatException>(() => DeapMatReader.Read(stream, "s01.mat"));
        Assert.Equal("variable 'data', trial 0, channel 0 (Ch1), sample 0 (0-based)", e.Place);
        Assert.Contains("Infinity", e.Reason);
    }

    [Fact]
    public void A_non_finite_rating_is_refused_naming_trial_and_scale()
    {
        var stream = DeapMatFiles.WriteVariables(("data", [2, 1, 384], new double[768]), ("labels", [2, 4], [5, 5, 5, 5, 5, double.PositiveInfinity, 5, 5]));
        var e = Assert.Throws<EegFormatException>(() => DeapMatReader.Read(stream, "s01.mat"));
        Assert.Equal("variable 'labels', trial 1, arousal (0-based)", e.Place);
    }

    public static TheoryData<string, int[], int[], string> BadShapes => new()
    {
        { "labels", [2, 1, 384], [2, 5], "labels is 2×5; expected trials × 4 (valence, arousal, dominance, liking)" },
        { "data", [3, 1, 384], [2, 4], "data is 3×1×384, with 3 trials, but labels has 2" },
        { "data", [2, 384], [2, 4], "data is 2×384; expected trials × channels × samples" },
        { "data", [2, 1, 383], [2, 4], "data is 2×1×383: 383 samples per trial are fewer than the 384-sample (3 s) baseline" },
        { "data", [2, 0, 384], [2, 4], "data is 2×0×384, with no channels" },
        { "labels", [0, 1, 384], [0, 4], "labels is 0×4; expected trials × 4 (valence, arousal, dominance, liking)" },
    };

    [Theory]
    [MemberData(nameof(BadShapes))]
    public void Shapes_that_disagree_are_refused_with_both_shapes(string variable, int[] dataShape, int[] labelShape, string reason)
    {
        var stream = DeapMatFiles.WriteVariables(
            ("data", dataShape, new double[dataShape.Aggregate(1, (a, b) => a * b)]),
            ("labels", labelShape, Enumerable.Repeat(5.0, labelShape.Aggregate(1, (a, b) => a * b)).ToArray()));
        var e = Assert.Throws<EegFormatException>(() => DeapMatReader.Read(stream, "s01.mat"));
        Assert.Equal($"variable '{variable}'", e.Place);
        Assert.Equal(reason, e.Reason);
    }

    [Fact]
    public void Missing_variables_are_refused_by_name()
    {
        var noData = Assert.Throws<EegFormatException>(() => DeapMatReader.Read(DeapMatFiles.WriteVariables(("labels", [1, 4], [5, 5, 5, 5])), "s01.mat"));
        Assert.Equal("the file has no variable 'data'", noData.Reason);
        var noLabels = Assert.Throws<EegFormatException>(() => DeapMatReader.Read(DeapMatFiles.WriteVariables(("data", [1, 1, 384], new double[384])), "s01.mat"));
        Assert.Equal("variable 'labels'", noLabels.Place);
        Assert.Contains("no such variable; the file has: 'data'", noLabels.Reason);
    }
}
