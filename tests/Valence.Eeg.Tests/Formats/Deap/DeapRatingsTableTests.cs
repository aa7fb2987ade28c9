using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Deap;
using Valence.Eeg.Recordings;
using static Valence.Eeg.Tests.Formats.Deap.DeapFixtures;

namespace Valence.Eeg.Tests.Formats.Deap;

public class DeapRatingsTableTests
{
    private static readonly string Header = string.Join(",", DeapRatingsTable.Columns);

    [Fact]
    public void Reads_every_row_of_the_fixture_with_empty_familiarity_as_missing()
    {
        var table = DeapRatingsTable.Load(RatingsPath);
        Assert.Equal(12, table.Rows.Count);
        Assert.Equal([1, 2, 3, 29], table.Participants);
        DeapRatingsRow first = table.Rows[0];
        Assert.Equal(new DeapRatingsRow(1, 1, 2, 4000000, new Ratings(8.26f, 8.67f, 5.98f, 5.57f), 2f, 2), first);
        Assert.All(table.ForParticipant(2), r => Assert.Null(r.Familiarity));
        Assert.Equal([1, 2, 3], table.ForParticipant(29).Select(r => r.Trial));
        Assert.Equal([3, 1, 2], table.ForParticipant(29).Select(r => r.ExperimentId));
    }

    [Fact]
    public void Accepts_a_byte_order_mark_CRLF_line_ends_and_trailing_blank_lines()
    {
        var table = DeapRatingsTable.Parse("\uFEFF" + Header + "\r\n7,1,1,0,1,9,5.5,1.25,\r\n\r\n", "crlf.csv");
        Assert.Equal(new Ratings(1, 9, 5.5f, 1.25f), table.ForParticipant(7)[0].Ratings);
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "", "line 1", "the file is empty" },
        { "Participant_id,Trial\n", "line 1", "expected 'Participant_id,Trial,Experiment_id" },
        { Header.Replace("Trial", "trial") + "\n", "line 1", "the header is" },
        { Header + "\n1,1,1,0,5,5,5,5\n", "line 2", "8 fields, expected 9" },
        { Header + "\n1,1,1,0,5,5,5,5,1,\n", "line 2", "10 fields" },
        { Header + "\n1,1,1,0,5,5,5,5,1\n\n1,2,2,0,5,5,5,5,1\n", "line 3", "1 fields" },
        { Header + "\n1.0,1,1,0,5,5,5,5,1\n", "line 2, column 'Participant_id'", "'1.0' is not a non-negative integer" },
        { Header + "\n0,1,1,0,5,5,5,5,1\n", "line 2, column 'Participant_id'", "0 is not a positive count" },
        { Header + "\n1,-1,1,0,5,5,5,5,1\n", "line 2, column 'Trial'", "'-1' is not a non-negative integer" },
        { Header + "\n1,1, 1,0,5,5,5,5,1\n", "line 2, column 'Experiment_id'", "' 1' is not" },
        { Header + "\n1,1,1,x,5,5,5,5,1\n", "line 2, column 'Start_time'", "'x' is not" },
        { Header + "\n1,1,1,0,9.5,5,5,5,1\n", "line 2, column 'Valence'", "9.5 is outside the scale 1–9" },
        { Header + "\n1,1,1,0,5,NaN,5,5,1\n", "line 2, column 'Arousal'", "'NaN' is not a decimal number" },
        { Header + "\n1,1,1,0,5,5,1e1,5,1\n", "line 2, column 'Dominance'", "'1e1' is not a decimal number" },
        { Header + "\n1,1,1,0,5,5,5,0.99,1\n", "line 2, column 'Liking'", "outside the scale 1–9" },
        { Header + "\n1,1,1,0,5,5,5,5,6\n", "line 2, column 'Familiarity'", "6 is outside the scale 1–5" },
        { Header + "\n1,1,1,0,5,5,5,5,1\n1,1,2,0,5,5,5,5,1\n", "line 3, column 'Trial'", "participant 1 has trial 1 again (first on line 2)" },
        { Header + "\n1,1,1,0,5,5,5,5,1\n1,2,1,0,5,5,5,5,1\n", "line 3, column 'Experiment_id'", "participant 1 rated video 1 again (first on line 2)" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_row_is_named_by_line_and_column(string text, string place, string reason)
    {
        var e = Assert.Throws<EegFormatException>(() => DeapRatingsTable.Parse(text, "ratings.csv"));
        Assert.Equal("ratings.csv", e.Path);
        Assert.Equal(place, e.Place);
        Assert.Contains(reason, e.Reason);
    }

    [Fact]
    public void A_file_that_is_not_text_is_refused()
    {
        string path = Path.Combine(Path.GetTempPath(), $"valence-ratings-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllBytes(path, [0xFF, 0xFE, 0x00, 0x41]);
            var e = Assert.Throws<EegFormatException>(() => DeapRatingsTable.Load(path));
            Assert.Contains("not UTF-8", e.Reason);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
