using System.Text.Json;
using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Deap;
using Valence.Eeg.Formats.Edf;
using Valence.Eeg.Recordings;
using static Valence.Eeg.Tests.Formats.Deap.DeapFixtures;

namespace Valence.Eeg.Tests.Formats.Deap;

public sealed class DeapRawReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valence-deap-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("s01.bdf")] // Twente order, electrodes labelled by name
    [InlineData("s02.bdf")] // Twente order, labelled A1..A32: placed by the Twente table
    [InlineData("s29.bdf")] // Geneva, Status labelled "-1" after an extra "-0", codes under an offset that wraps
    public void Every_trial_channel_and_sample_is_the_formula_s_value_in_video_order_and_Geneva_order(string file)
    {
        JsonElement expected = ExpectedFile(file);
        int participant = expected.GetProperty("participant").GetInt32();
        SubjectRecording r = DeapRawReader.Read(PathOf(file), RatingsPath, Options);

        Assert.Equal(participant, r.Subject);
        Assert.Equal(PathOf(file), r.Source);
        Assert.Equal(16, r.SampleRate);
        Assert.Equal(3, r.TrialCount);
        Assert.Equal(48, r.SamplesPerTrial);
        Assert.Equal(1, r.BaselineSeconds);
        string[] peripheral = Expected.GetProperty("peripheral").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal([.. DeapChannels.Eeg, .. peripheral], r.ChannelNames);

        JsonElement[] trials = [.. expected.GetProperty("trials").EnumerateArray()];
        for (int t = 0; t < trials.Length; t++)
        {
            Assert.Equal(t + 1, trials[t].GetProperty("experiment_id").GetInt32());
            Assert.Equal(new Ratings((float)trials[t].GetProperty("valence").GetDouble(), (float)trials[t].GetProperty("arousal").GetDouble(),
                (float)trials[t].GetProperty("dominance").GetDouble(), (float)trials[t].GetProperty("liking").GetDouble()), r.Ratings[t]);
            long first = trials[t].GetProperty("onset_sample").GetInt64() - 16;
            for (int c = 0; c < r.ChannelCount; c++)
            {
                ReadOnlySpan<float> values = r.Channel(t, c);
                int key = Key(r.ChannelNames[c]);
                for (int i = 0; i < values.Length; i++)
                {
                    double want = Physical(Digital(key, participant, first + i));
                    Assert.True(Math.Abs(want - values[i]) <= 1e-6 * Math.Abs(want) + 1e-9,
                        $"{file} video {t + 1} {r.ChannelNames[c]} sample {i}: expected {want}, read {values[i]}");
                }
            }
        }
    }

    [Fact]
    public void Participant_comes_from_the_file_name()
    {
        Assert.Equal(7, DeapRawReader.ParticipantFromFileName("/data/s07.bdf"));
        Assert.Equal(32, DeapRawReader.ParticipantFromFileName("S32.BDF"));
        Assert.Throws<ArgumentException>(() => DeapRawReader.ParticipantFromFileName("subject7.bdf"));
        Assert.Throws<ArgumentException>(() => DeapRawReader.ParticipantFromFileName("s00.bdf"));
    }

    [Fact]
    public void A_participant_missing_from_the_ratings_is_named_with_those_present()
    {
        var table = DeapRatingsTable.Load(RatingsPath);
        var e = Assert.Throws<EegFormatException>(() => DeapRawReader.Read(PathOf("s01.bdf"), table, 5, Options));
        Assert.Equal(RatingsPath, e.Path);
        Assert.Equal("participant 5", e.Place);
        Assert.Contains("participants 1, 2, 3, 29", e.Reason);
    }

    public static TheoryData<string, string, string> BadRatings => new()
    {
        { "1,1,2,0,5,5,5,5,1\n1,2,3,0,5,5,5,5,1\n", "participant 1", "2 rows, expected one for each of the 3 trials" },
        { "1,1,2,0,5,5,5,5,1\n1,2,3,0,5,5,5,5,1\n1,4,1,0,5,5,5,5,1\n", "line 4, column 'Trial'", "trial 3 is missing" },
        { "1,1,2,0,5,5,5,5,1\n1,2,3,0,5,5,5,5,1\n1,3,5,0,5,5,5,5,1\n", "column 'Experiment_id'", "video 1 is missing (the rows name 2, 3, 5)" },
    };

    [Theory]
    [MemberData(nameof(BadRatings))]
    public void Ratings_that_do_not_number_the_trials_and_videos_once_each_are_refused(string rows, string place, string reason)
    {
        var table = DeapRatingsTable.Parse(string.Join(",", DeapRatingsTable.Columns) + "\n" + rows, "ratings.csv");
        var e = Assert.Throws<EegFormatException>(() => DeapRawReader.Read(PathOf("s01.bdf"), table, 1, Options));
        Assert.Equal("ratings.csv", e.Path);
        Assert.Contains(place, e.Place);
        Assert.Contains(reason, e.Reason);
    }

    public static TheoryData<DeapRawOptions, string, string> BadCuts => new()
    {
        { Options with { TrialCount = 4 }, "signal 37 'Status' (Status)", "3 video starts (code 4) at 4 s, 10 s, 16 s, expected 4" },
        { Options with { TrialSeconds = 10 }, "trial 3 (video 1)", "reach beyond the recording (0–21 s)" },
        { Options with { BaselineSeconds = 5 }, "trial 1 (video 2)", "5 s before and 2 s after it" },
        { Options with { BaselineSeconds = 0.01 }, "sample rate", "not a whole number of samples" },
    };

    [Theory]
    [MemberData(nameof(BadCuts))]
    public void Trials_that_cannot_be_cut_as_asked_are_refused_with_the_place(DeapRawOptions options, string place, string reason)
    {
        var table = DeapRatingsTable.Load(RatingsPath);
        if (options.TrialCount == 4)
            table = DeapRatingsTable.Parse(File.ReadAllText(RatingsPath) + "1,4,4,0,5,5,5,5,1\n", RatingsPath);
        var e = Assert.Throws<EegFormatException>(() => DeapRawReader.Read(PathOf("s01.bdf"), table, 1, options));
        Assert.Equal(PathOf("s01.bdf"), e.Path);
        Assert.Contains(place, e.Place);
        Assert.Contains(reason, e.Reason);
    }

    /// <summary>Writes a DEAP-like BDF with our writer: 32 EEG channels, then Status with the given codes, 8 Hz.</summary>
    private string Write(string name, int[] codes, Func<int, string>? label = null, double statusRate = 8, int offset = 0)
    {
        var signals = Enumerable.Range(0, 32).Select(c => new EdfSignalToWrite(label?.Invoke(c) ?? DeapChannels.Eeg[c], "uV",
            -262144, 262143, -8388608, 8388607, 8, Enumerable.Range(0, codes.Length).Select(i => (float)(c * 1000 + i)).ToArray())).ToList();
        float[] status = codes.Select(c => (float)((c + offset) & 0xFFFFFF)).Select(v => v >= 8388608 ? v - 16777216 : v).ToArray();
        if (statusRate != 8) status = status.Where((_, i) => i % 2 == 0).ToArray();
        signals.Add(new EdfSignalToWrite("Status", "Boolean", -8388608, 8388607, -8388608, 8388607, statusRate, status));
        string path = Path.Combine(_folder, name);
        EdfWriter.Write(path, new EdfFileToWrite(EdfFormat.Bdf, new DateTime(2010, 1, 1), 1, signals));
        return path;
    }

    private static readonly DeapRawOptions Tiny = new() { TrialSeconds = 1, BaselineSeconds = 0.5, TrialCount = 2 };
    private static readonly DeapRatingsTable TwoTrials = DeapRatingsTable.Parse(
        string.Join(",", DeapRatingsTable.Columns) + "\n1,1,2,0,1,2,3,4,\n1,2,1,0,5,6,7,8,\n24,1,1,0,1,2,3,4,\n24,2,2,0,5,6,7,8,\n", "two.csv");

    private static int[] Codes(params (int Code, int Samples)[] runs) => runs.SelectMany(r => Enumerable.Repeat(r.Code, r.Samples)).ToArray();

    [Fact]
    public void Written_by_our_writer_a_recording_reads_back_trial_by_trial_in_video_order()
    {
        string path = Write("s01.bdf", Codes((0, 8), (3, 8), (4, 8), (5, 8), (3, 8), (4, 8), (7, 8)));
        SubjectRecording r = DeapRawReader.Read(path, TwoTrials, 1, Tiny);
        Assert.Equal(new Ratings(5, 6, 7, 8), r.Ratings[0]);
        Assert.Equal(12, r.SamplesPerTrial);
        // Video 1 was the second trial: its video starts at sample 40, its baseline at 36.
        Assert.Equal(Enumerable.Range(36, 12).Select(i => (float)(2000 + i)).ToArray(), r.Channel(0, 2).ToArray(), new FloatNear(0.02f));
        Assert.Equal(Enumerable.Range(12, 12).Select(i => (float)(31000 + i)).ToArray(), r.Channel(1, 31).ToArray(), new FloatNear(0.02f));
    }

    [Fact]
    public void An_offset_in_the_status_values_is_removed_modulo_65536()
    {
        int[] codes = Codes((0, 8), (3, 8), (4, 8), (5, 8), (3, 8), (4, 8), (7, 8));
        string path = Write("s24.bdf", codes, offset: 0x18FFFE);
        SubjectRecording r = DeapRawReader.Read(path, TwoTrials, 24, Tiny);
        Assert.Equal(new Ratings(1, 2, 3, 4), r.Ratings[0]);
        Assert.Equal(12f + 0 * 1000, r.Channel(0, 0)[0], 0.02f);

        int[] raw = codes.Select(c => c + 0x18FFFE).ToArray();
        Assert.Equal(codes, DeapStatusCodes.TriggerCodes(raw, out int offset));
        Assert.Equal(0xFFFE, offset);
        Assert.Equal([16L, 40L], DeapStatusCodes.Onsets(codes, DeapStatusCodes.VideoStart));
        Assert.Equal([1, 4, 0], DeapStatusCodes.TriggerCodes([1 | 1 << 20, 4, 0], out int none));
        Assert.Equal(0, none);
    }

    [Fact]
    public void Unlabelled_electrodes_of_a_Geneva_participant_are_taken_in_Geneva_order()
    {
        string path = Write("s24.bdf", Codes((0, 8), (4, 8), (5, 8), (4, 8), (7, 8)), c => $"A{c + 1}");
        SubjectRecording r = DeapRawReader.Read(path, TwoTrials, 24, Tiny);
        for (int c = 0; c < 32; c++) Assert.Equal(c * 1000 + 4, r.Channel(0, c)[0], 0.02f);
    }

    [Fact]
    public void A_wrong_number_of_video_starts_is_refused_with_their_times()
    {
        string path = Write("s01.bdf", Codes((0, 8), (4, 8), (5, 8), (4, 4), (5, 4), (4, 8), (7, 8)));
        var e = Assert.Throws<EegFormatException>(() => DeapRawReader.Read(path, TwoTrials, 1, Tiny));
        Assert.Contains("3 video starts (code 4) at 1 s, 3 s, 4 s, expected 2", e.Reason);
        path = Write("s02.bdf", Codes((0, 24)));
        e = Assert.Throws<EegFormatException>(() => DeapRawReader.Read(path, TwoTrials, 1, Tiny));
        Assert.Contains("0 video starts (code 4), expected 2", e.Reason);
    }

    [Fact]
    public void A_Status_channel_at_another_rate_is_refused()
    {
        string path = Write("s01.bdf", Codes((0, 8), (4, 8), (5, 8), (4, 8), (7, 8)), statusRate: 4);
        var e = Assert.Throws<EegFormatException>(() => DeapRawReader.Read(path, TwoTrials, 1, Tiny));
        Assert.Equal("signal 0 'Fp1'", e.Place);
        Assert.Contains("8 Hz, but the Status channel 'Status' (signal 32) has 4 Hz", e.Reason);
    }

    [Fact]
    public void Labels_that_neither_name_the_electrodes_nor_leave_room_for_them_are_refused()
    {
        var signals = new[] { new EdfSignalToWrite("Status", "Boolean", -8388608, 8388607, -8388608, 8388607, 8, new float[8]) };
        string path = Path.Combine(_folder, "s01.bdf");
        EdfWriter.Write(path, new EdfFileToWrite(EdfFormat.Bdf, new DateTime(2010, 1, 1), 1, signals));
        var e = Assert.Throws<EegFormatException>(() => DeapRawReader.Read(path, TwoTrials, 1, Tiny));
        Assert.Contains("do not name the 32 EEG electrodes (no 'Fp1')", e.Reason);
    }

    private sealed class FloatNear(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float obj) => 0;
    }
}
