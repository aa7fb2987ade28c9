using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Pickle;
using Valence.Eeg.Recordings;
using static Valence.Eeg.Tests.Formats.Pickle.PickleFixtures;

namespace Valence.Eeg.Tests.Formats.Pickle;

public class DeapDatReaderTests
{
    public static TheoryData<string> DeapFiles => Files("deap");

    public static TheoryData<string> InvalidFiles => Files("invalid");

    [Theory]
    [MemberData(nameof(DeapFiles))]
    public void Reads_every_sample_and_rating_that_python_wrote(string file)
    {
        var entry = Entry("deap", file);
        int trials = Int(entry["trials"]), channels = Int(entry["channels"]), samples = Int(entry["samples"]);

        var recording = DeapDatReader.Read(PathOf(file), subject: 7);

        AssertFormulaValues(recording, trials, channels, samples);
        Assert.Equal(7, recording.Subject);
        Assert.Equal(128, recording.SampleRate);
        Assert.Equal(3, recording.BaselineSeconds);
        Assert.Equal(PathOf(file), recording.Source);
        Assert.Equal(DeapChannels.Preprocessed.Take(channels), recording.ChannelNames);
    }

    [Theory]
    [MemberData(nameof(DeapFiles))]
    public void Payloads_left_in_the_file_until_used_give_the_same_recording(string file)
    {
        var eager = DeapDatReader.Read(PathOf(file), subject: 1);
        using var stream = File.OpenRead(PathOf(file));

        var deferred = DeapDatReader.Read(stream, file, 1, null, new PickleLimits { DeferredPayloadBytes = 1 });

        Assert.Equal(eager.Samples.ToArray(), deferred.Samples.ToArray());
        Assert.Equal(eager.Ratings, deferred.Ratings);
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Refuses_inconsistent_content_naming_the_place_and_the_reason(string file)
    {
        var entry = Entry("invalid", file);

        var e = Assert.Throws<EegFormatException>(() => DeapDatReader.Read(PathOf(file), subject: 1));

        Assert.Equal(PathOf(file), e.Path);
        Assert.Contains(Text(entry["place"]), e.Place);
        Assert.Contains(Text(entry["reason"]), e.Reason);
        Assert.StartsWith($"{PathOf(file)}: {e.Place}: ", e.Message);
    }

    [Fact]
    public void A_nan_is_named_by_trial_channel_and_sample_or_rating()
    {
        var e = Assert.Throws<EegFormatException>(() => DeapDatReader.Read(PathOf("invalid_nan_sample.dat"), subject: 1));

        Assert.Equal("data[1, 2, 5]", e.Place);
        Assert.StartsWith("trial 1, channel 2 (F3), sample 5: DEAP's samples must be finite; the value is NaN", e.Reason);
        var rating = Assert.Throws<EegFormatException>(() => DeapDatReader.Read(PathOf("invalid_nan_rating.dat"), subject: 1));
        Assert.Equal("labels[1, 2]", rating.Place);
        Assert.StartsWith("trial 1, dominance: ratings must be finite", rating.Reason);
    }

    [Fact]
    public void Subject_number_comes_from_a_DEAP_file_name_or_must_be_given()
    {
        string directory = Directory.CreateTempSubdirectory("valence-pickle-").FullName;
        try
        {
            string named = Path.Combine(directory, "s07.dat"), unnamed = Path.Combine(directory, "subject.dat");
            File.Copy(PathOf("deap_py2_p2_f8.dat"), named);
            File.Copy(PathOf("deap_py2_p2_f8.dat"), unnamed);

            Assert.Equal(7, DeapDatReader.Read(named).Subject);
            Assert.Equal(12, DeapDatReader.Read(unnamed, subject: 12).Subject);
            var e = Assert.Throws<ArgumentException>(() => DeapDatReader.Read(unnamed));
            Assert.Contains("pass the subject number", e.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Channel_names_default_to_DEAPs_and_can_be_given()
    {
        var forty = DeapDatReader.Read(PathOf("deap_py3_p4_f8_40ch.dat"), subject: 1);
        Assert.Equal(DeapChannels.Preprocessed, forty.ChannelNames);
        Assert.Equal(["Fp1", "AF3", "F3", "F7"], DeapDatReader.Read(PathOf("deap_py2_p2_f8.dat"), subject: 1).ChannelNames);
        Assert.Equal([.. DeapChannels.Eeg, "hEOG"], DeapDatReader.DefaultChannelNames(33));
        Assert.Equal(["Channel41", "Channel42"], DeapDatReader.DefaultChannelNames(42).Skip(40));

        var named = DeapDatReader.Read(PathOf("deap_py2_p2_f8.dat"), subject: 1, channelNames: ["A", "B", "C", "D"]);
        Assert.Equal(["A", "B", "C", "D"], named.ChannelNames);
        var e = Assert.Throws<ArgumentException>(() => DeapDatReader.Read(PathOf("deap_py2_p2_f8.dat"), subject: 1, channelNames: ["A", "B"]));
        Assert.Contains("2 channel names were given but the file has 4 channels", e.Message);
    }

    [Fact]
    public void A_truncated_file_is_refused_at_the_byte_where_it_ends()
    {
        var bytes = Bytes("deap_py2_p2_f8.dat");
        int cut = bytes.Length / 2;

        var e = Assert.Throws<EegFormatException>(() => DeapDatReader.Read(new MemoryStream(bytes[..cut]), "half.dat", 1));

        Assert.Equal("half.dat", e.Path);
        Assert.Matches(@"^byte \d+", e.Place);
        Assert.Contains("remain", e.Reason);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var e = Assert.Throws<EegFormatException>(() => DeapDatReader.Read(new MemoryStream(), "empty.dat", 1));

        Assert.Equal("byte 0", e.Place);
        Assert.Contains("empty", e.Reason);
    }
}
