using Valence.Eeg.Recordings;
using Valence.Eeg.Synthetic;

namespace Valence.Eeg.Tests.Synthetic;

/// <summary>The ratings: on DEAP's 1–9 scale, every quadrant present for every subject, related to each other as DEAP's are.</summary>
public class RatingsTests
{
    private static readonly SyntheticDeapGenerator Generator = new(new SyntheticDeapOptions());

    private static IEnumerable<ParticipantRatingRow> AllRows =>
        Enumerable.Range(1, 32).SelectMany(Generator.ParticipantRatings);

    [Fact]
    public void Ratings_lie_on_1_to_9_in_steps_of_a_hundredth()
    {
        foreach (var row in AllRows)
            foreach (float rating in new[] { row.Valence, row.Arousal, row.Dominance, row.Liking })
            {
                Assert.InRange(rating, 1f, 9f);
                Assert.Equal(Math.Round(rating, 2), rating, 1e-5);
            }
    }

    [Fact]
    public void Every_subject_rates_trials_in_all_four_quadrants()
    {
        for (int subject = 1; subject <= 32; subject++)
        {
            var rows = Generator.ParticipantRatings(subject);
            var quadrants = rows.GroupBy(r => (r.Valence >= 5, r.Arousal >= 5)).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(4, quadrants.Count);
            Assert.All(quadrants.Values, n => Assert.True(n >= 3, $"subject {subject}: {string.Join(", ", quadrants)}"));
        }
    }

    [Fact]
    public void Dominance_and_liking_go_with_valence_as_in_DEAP()
    {
        var rows = AllRows.ToArray();
        var valence = rows.Select(r => (double)r.Valence).ToArray();
        Assert.InRange(Stats.Correlation(valence, rows.Select(r => (double)r.Liking).ToArray()), 0.4, 0.9);
        Assert.InRange(Stats.Correlation(valence, rows.Select(r => (double)r.Dominance).ToArray()), 0.2, 0.8);
        // Valence and arousal themselves are close to independent across the four quadrants.
        Assert.InRange(Stats.Correlation(valence, rows.Select(r => (double)r.Arousal).ToArray()), -0.3, 0.3);
    }

    [Fact]
    public void Familiarity_is_1_to_5_and_missing_only_for_participants_2_15_and_23()
    {
        foreach (var row in AllRows)
        {
            if (row.ParticipantId is 2 or 15 or 23) Assert.Null(row.Familiarity);
            else Assert.InRange(row.Familiarity!.Value, 1, 5);
        }
    }

    [Fact]
    public void Each_subject_sees_the_videos_in_a_random_order_of_their_own()
    {
        var orders = Enumerable.Range(1, 32).Select(s => string.Join(",", Generator.ParticipantRatings(s).Select(r => r.ExperimentId))).ToArray();
        Assert.Equal(32, orders.Distinct().Count());
        Assert.DoesNotContain(string.Join(",", Enumerable.Range(1, 40)), orders);
    }
}
