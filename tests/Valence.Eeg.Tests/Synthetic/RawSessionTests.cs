using Valence.Eeg.Recordings;
using Valence.Eeg.Synthetic;

namespace Valence.Eeg.Tests.Synthetic;

/// <summary>
/// The raw form: DEAP's protocol on the Status channel, DEAP's raw layout per site, unreferenced EEG with mains, and
/// participant_ratings.csv rows that agree with both the session and the preprocessed form.
/// </summary>
public class RawSessionTests
{
    /// <summary>DEAP's protocol with 2 s videos and short rest periods, so that a 40-trial session takes under a second.</summary>
    public static SyntheticDeapOptions Short { get; } = new()
    {
        TrialSeconds = 2,
        Timings = new DeapSessionTimings
        {
            LeadInSeconds = 1, StartScreenSeconds = 1, InstructionSeconds = 1, BaselineRecordingSeconds = 4,
            RatingMinSeconds = 1, RatingExtraSeconds = 1, BreakSeconds = 2, LeadOutSeconds = 1,
        },
    };

    private static readonly Lazy<RawSession> Subject1 = new(() => new SyntheticDeapGenerator(Short).GenerateRawSession(1));

    [Fact]
    public void The_status_channel_follows_DEAPs_protocol_with_the_right_durations()
    {
        var session = Subject1.Value;
        var runs = Runs(Codes(session.Status));
        const int S = 1, Sync = 2, Fix = 3, Video = 4, Post = 5, End = 7;
        var expected = new List<int> { 0, S, 0, S, Sync };
        for (int trial = 0; trial < 40; trial++)
        {
            if (trial == 20) expected.AddRange([Sync, 0, Sync]);
            expected.AddRange([Fix, Video, Post, S]);
        }
        expected.AddRange([Sync, End, 0]);
        Assert.Equal(expected, runs.Select(r => r.Code));

        double fs = session.SampleRate;
        Assert.All(runs.Where(r => r.Code == Fix), r => Assert.Equal(5 * fs, r.Length));
        Assert.All(runs.Where(r => r.Code == Video), r => Assert.Equal(2 * fs, r.Length));
        Assert.All(runs.Where(r => r.Code == Post), r => Assert.Equal(3 * fs, r.Length));
        Assert.All(runs.Where(r => r.Code == Sync), r => Assert.Equal(1 * fs, r.Length));
        Assert.Equal(4 * fs, runs[3].Length); // the baseline recording
        Assert.All(runs.Skip(5).Where(r => r.Code == S), r => Assert.InRange(r.Length, 1 * fs, 2 * fs)); // rating screens
        Assert.Equal(40, runs.Count(r => r.Code == Video));
    }

    [Fact]
    public void Participants_1_to_22_use_Twentes_channel_order_and_23_to_32_Genevas()
    {
        var twente = Subject1.Value;
        Assert.Equal(DeapRawLayout.Labels(1), twente.Channels.Select(c => c.Label).Append(twente.StatusLabel));
        Assert.Equal(48, DeapRawLayout.Labels(1).Count);
        Assert.Equal(["Fp1", "AF3", "F7", "F3", "FC1", "FC5", "T7", "C3"], twente.Channels.Take(8).Select(c => c.Label));
        Assert.Equal("Status", twente.StatusLabel);
        var geneva = new SyntheticDeapGenerator(Short with { TrialCount = 4 }).GenerateRawSession(23);
        Assert.Equal([.. DeapChannels.Eeg, .. DeapRawLayout.External, .. DeapRawLayout.Sensors], geneva.Channels.Select(c => c.Label));
        // The signals follow the labels, not the positions: in both layouts the channels labelled Fp1 and Fp2 see
        // the blinks of EXG3 − EXG4 most.
        foreach (var session in new[] { twente, geneva })
        {
            var veog = Difference(session, "EXG3", "EXG4");
            var ranked = session.Channels.Take(32).OrderByDescending(c => Stats.Correlation(HighPassed(c.Samples), veog)).Select(c => c.Label);
            Assert.Equal(["Fp1", "Fp2"], ranked.Take(2).Order());
        }
        Assert.Equal("nS", twente.Channel("GSR1").Unit);
        Assert.Equal("Ohm", geneva.Channel("GSR1").Unit);
        // Twente's conductance and Geneva's resistance both describe skin of 1–100 µS.
        Assert.InRange(Mean(twente.Channel("GSR1").Samples), 1e3, 1e5);
        Assert.InRange(Mean(geneva.Channel("GSR1").Samples), 1e4, 1e6);
    }

    [Fact]
    public void Participants_24_to_32_carry_the_status_offset_and_earlier_ones_do_not()
    {
        var options = Short with { TrialCount = 4 };
        foreach (int participant in new[] { 23, 24 })
        {
            var status = new SyntheticDeapGenerator(options).GenerateRawSession(participant).Status.ToArray();
            var codes = Codes(status);
            Assert.Equal(4, Runs(codes).Count(r => r.Code == (int)DeapStatusCode.Video));
            if (participant == 24)
            {
                Assert.True(status[0] > 65535, $"first status value {status[0]}");
                // The offset's low bits are not zero: the low 16 bits alone are not the codes.
                int first = status[0];
                Assert.Contains(status, v => (v & 0xFFFF) != (v - first) % 65536);
            }
            else Assert.All(status, v => Assert.InRange(v, 0, 7));
        }
    }

    [Fact]
    public void EEG_is_unreferenced_with_electrode_offsets_and_a_50_Hz_mains_line()
    {
        var session = Subject1.Value;
        var eeg = session.Channels.Take(32).ToArray();
        var means = eeg.Select(c => Mean(c.Samples)).ToArray();
        Assert.True(means.Max() - means.Min() > 5000, $"electrode offsets span {means.Min():F0}…{means.Max():F0} µV");
        // A common average reference would make the mean over channels zero at every sample.
        var average = new float[session.SampleCount];
        for (int c = 0; c < eeg.Length; c++)
        {
            var samples = eeg[c].Samples;
            for (int n = 0; n < average.Length; n++) average[n] += (float)((samples[n] - means[c]) / eeg.Length);
        }
        Assert.True(Stats.StandardDeviation(average) > 1, $"channel average varies by {Stats.StandardDeviation(average):F2} µV");

        double fs = session.SampleRate;
        foreach (var channel in new[] { "Fp1", "Cz", "O2" })
        {
            var psd = Welch.Psd(session.Channel(channel).Samples, fs, 1024);
            double line = Welch.Band(psd, fs, 49.5, 50.6), beside = (Welch.Band(psd, fs, 44, 48) + Welch.Band(psd, fs, 52, 56)) / 2;
            Assert.True(line > 10 * beside, $"{channel}: 50 Hz {line:G3} vs beside {beside:G3}");
        }
        var quiet = new SyntheticDeapGenerator(Short with { TrialCount = 4, MainsFrequency = 0 }).GenerateRawSession(1);
        var quietPsd = Welch.Psd(quiet.Channel("Cz").Samples, fs, 1024);
        Assert.True(Welch.Band(quietPsd, fs, 49.5, 50.6) < 2 * Welch.Band(quietPsd, fs, 44, 56), "no line without mains");
    }

    [Fact]
    public void Rating_rows_agree_with_the_session_and_the_preprocessed_trials()
    {
        var generator = new SyntheticDeapGenerator(Short);
        var session = Subject1.Value;
        var rows = generator.ParticipantRatings(1);
        Assert.Equal(Enumerable.Range(1, 40), rows.Select(r => r.Trial));
        Assert.Equal(Enumerable.Range(1, 40), rows.Select(r => r.ExperimentId).Order());
        Assert.All(rows, r => Assert.Equal(1, r.ParticipantId));

        // Start_time is the video onset in µs from the start of the experiment (the first code 1).
        var runs = Runs(Codes(session.Status));
        int experimentStart = runs.First(r => r.Code == 1).Start;
        var onsets = runs.Where(r => r.Code == (int)DeapStatusCode.Video).Select(r => r.Start).ToArray();
        for (int i = 0; i < rows.Count; i++)
            Assert.Equal((onsets[i] - experimentStart) / session.SampleRate * 1e6, rows[i].StartTimeMicroseconds, 1.0);

        // The preprocessed trials are in video order: trial k holds Experiment_id k + 1.
        var recording = generator.GenerateSubject(1);
        foreach (var row in rows)
            Assert.Equal(new Ratings(row.Valence, row.Arousal, row.Dominance, row.Liking), recording.Ratings[row.ExperimentId - 1]);
        Assert.All(rows, r => Assert.InRange(r.Familiarity!.Value, 1, 5));
        Assert.Equal(ParticipantRatingRow.CsvHeader, "Participant_id,Trial,Experiment_id,Start_time,Valence,Arousal,Dominance,Liking,Familiarity");
    }

    /// <summary>The trigger codes: value minus the first value, modulo 65536, as DEAP's readers do.</summary>
    internal static int[] Codes(ReadOnlySpan<int> status)
    {
        var codes = new int[status.Length];
        for (int i = 0; i < codes.Length; i++) codes[i] = (int)(((long)status[i] - status[0]) % 65536 + 65536) % 65536;
        return codes;
    }

    /// <summary>Runs of equal codes: (code, first sample, length).</summary>
    internal static List<(int Code, int Start, int Length)> Runs(int[] codes)
    {
        var runs = new List<(int, int, int)>();
        for (int start = 0, i = 1; i <= codes.Length; i++)
            if (i == codes.Length || codes[i] != codes[start])
            {
                runs.Add((codes[start], start, i - start));
                start = i;
            }
        return runs;
    }

    private static float[] Difference(RawSession session, string a, string b)
    {
        var x = session.Channel(a).Samples;
        var y = session.Channel(b).Samples;
        var d = new float[x.Length];
        for (int i = 0; i < d.Length; i++) d[i] = x[i] - y[i];
        return HighPassed(d);
    }

    /// <summary>A first-order high-pass at 1 Hz, to take away electrode offsets and drift.</summary>
    private static float[] HighPassed(ReadOnlySpan<float> x)
    {
        double a = 1 / (1 + 2 * Math.PI * 1 / 512.0), y = 0;
        var output = new float[x.Length];
        for (int n = 1; n < x.Length; n++) output[n] = (float)(y = a * (y + x[n] - x[n - 1]));
        return output;
    }

    private static double Mean(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x) sum += v;
        return sum / x.Length;
    }
}
