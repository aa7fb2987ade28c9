using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Recordings;

public class SubjectRecordingTests
{
    private static SubjectRecording Make(int trials = 2, int channels = 3, int samples = 4) =>
        new(1, Enumerable.Range(0, trials * channels * samples).Select(i => (float)i).ToArray(), trials,
            Enumerable.Range(0, channels).Select(c => $"C{c}").ToArray(), 128, Enumerable.Repeat(new Ratings(5, 5, 5, 5), trials).ToArray(), 0, "test");

    [Fact]
    public void Views_address_trial_major_then_channel_major()
    {
        var r = Make();
        Assert.Equal(4, r.SamplesPerTrial);
        Assert.Equal([12f, 13f, 14f, 15f], r.Channel(1, 0).ToArray());
        Assert.Equal(20f, r.Trial(1)[8]);
        Assert.Equal(2, r.ChannelIndex("c2"));
    }

    [Fact]
    public void Disagreeing_sizes_and_unknown_channels_are_refused_with_the_reason()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new SubjectRecording(1, new float[10], 2, ["A", "B"], 128, [new(1, 1, 1, 1), new(1, 1, 1, 1)], 0, "x"));
        Assert.Contains("do not divide", e.Message);
        Assert.Throws<ArgumentException>(() =>
            new SubjectRecording(1, new float[8], 2, ["A", "B"], 128, [new(1, 1, 1, 1)], 0, "x"));
        var unknown = Assert.Throws<ArgumentException>(() => Make().ChannelIndex("Fp1"));
        Assert.Contains("C0, C1, C2", unknown.Message);
    }

    [Fact]
    public void Emotiv_set_is_the_fourteen_named_channels_and_picks_T7_not_C3()
    {
        Assert.Equal(14, DeapChannels.Emotiv14.Count);
        Assert.Contains("T7", DeapChannels.Emotiv14);
        Assert.DoesNotContain("C3", DeapChannels.Emotiv14);
        Assert.All(DeapChannels.Emotiv14, n => Assert.Contains(n, DeapChannels.Eeg));
        Assert.Equal(40, DeapChannels.Preprocessed.Count);
        Assert.Equal("O2", DeapChannels.Eeg[31]);
    }
}
