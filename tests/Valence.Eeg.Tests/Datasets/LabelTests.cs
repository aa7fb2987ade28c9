using Valence.Eeg.Datasets;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Datasets;

public class LabelTests
{
    [Theory]
    // valence, arousal, quadrant with the default (threshold 5, a 5 is high), quadrant with a 5 counting as low
    [InlineData(1f, 1f, 0, 0)]
    [InlineData(4.99f, 9f, 1, 1)]
    [InlineData(9f, 2f, 2, 2)]
    [InlineData(6f, 6f, 3, 3)]
    [InlineData(5f, 5f, 3, 0)]
    [InlineData(5f, 4f, 2, 0)]
    [InlineData(4f, 5f, 1, 0)]
    [InlineData(5.01f, 5f, 3, 2)]
    public void Quadrants_follow_the_threshold_and_the_tie_rule(float valence, float arousal, int withEqualHigh, int withEqualLow)
    {
        var ratings = new Ratings(valence, arousal, 1, 1);
        Assert.Equal(withEqualHigh, LabelScheme.Quadrants.Label(ratings));
        Assert.Equal(withEqualLow, new LabelScheme(tie: ThresholdTie.EqualIsLow).Label(ratings));
    }

    [Fact]
    public void Class_names_follow_TorchEEGs_numbering_two_V_plus_A()
    {
        Assert.Equal(["LVLA", "LVHA", "HVLA", "HVHA"], LabelScheme.Quadrants.ClassNames);
        Assert.Equal(["LV", "HV"], new LabelScheme(LabelTarget.Valence).ClassNames);
        Assert.Equal(["LA", "HA"], new LabelScheme(LabelTarget.Arousal).ClassNames);
        for (int k = 0; k < 4; k++)
        {
            var r = TestRecordings.QuadrantRatings(k);
            int label = LabelScheme.Quadrants.Label(r);
            Assert.Equal(k, label);
            string name = LabelScheme.Quadrants.ClassNames[label];
            Assert.Equal(r.Valence > 5 ? 'H' : 'L', name[0]);
            Assert.Equal(r.Arousal > 5 ? 'H' : 'L', name[2]);
        }
    }

    [Fact]
    public void Binary_labels_use_their_own_rating_and_a_moved_threshold()
    {
        var r = new Ratings(6.5f, 3f, 9, 9);
        Assert.Equal(1, new LabelScheme(LabelTarget.Valence).Label(r));
        Assert.Equal(0, new LabelScheme(LabelTarget.Arousal).Label(r));
        Assert.Equal(0, new LabelScheme(LabelTarget.Valence, threshold: 7).Label(r));
        Assert.Equal(1, new LabelScheme(LabelTarget.Arousal, threshold: 3).Label(r));
        Assert.Equal(0, new LabelScheme(LabelTarget.Arousal, threshold: 3, tie: ThresholdTie.EqualIsLow).Label(r));
    }

    [Fact]
    public void Bad_schemes_and_NaN_ratings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelScheme(threshold: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelScheme((LabelTarget)7));
        var recording = TestRecordings.Make(4, [new(5, 5, 5, 5), new(float.NaN, 5, 5, 5)]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TrialLabels(new TrialSet([recording]), LabelScheme.Quadrants));
        Assert.Contains("s04/t01", e.Message);
    }

    [Fact]
    public void Window_labels_are_their_trials_labels_and_travel_with_class_names()
    {
        var trials = new TrialSet([TestRecordings.Cycling(1, 5)]);
        var windows = new WindowSet(trials, WindowSettings.Paper);
        var labels = new TrialLabels(trials, LabelScheme.Quadrants);
        int[] pick = [0, windows.WindowsPerTrial, 4 * windows.WindowsPerTrial - 1, windows.Count - 1];
        var destination = new int[pick.Length];
        labels.CopyBatch(windows, pick, destination);
        Assert.Equal([0, 1, 3, 0], destination);
        Assert.Equal("HVHA", labels.ClassNames[destination[2]]);
        var other = new WindowSet(new TrialSet([TestRecordings.Cycling(1, 5)]), WindowSettings.Paper);
        Assert.Throws<ArgumentException>(() => labels.CopyBatch(other, pick, destination));
    }

    [Fact]
    public void Class_balance_counts_per_subject_and_pooled()
    {
        var trials = new TrialSet([TestRecordings.Cycling(2, 6), TestRecordings.Cycling(1, 4)]);
        var labels = new TrialLabels(trials, LabelScheme.Quadrants);
        var balance = ClassBalance.OfTrials(labels);
        Assert.Equal([1L, 1, 1, 1], balance.BySubject[1].Counts);
        Assert.Equal([2L, 2, 1, 1], balance.BySubject[2].Counts);
        Assert.Equal([3L, 3, 2, 2], balance.Pooled.Counts);
        Assert.Equal(0.3, balance.Pooled.Fraction(0), 12);
        Assert.Equal(1.0, balance.Pooled.Fractions.Sum(), 12);
        Assert.Equal([1, 2], balance.BySubject.Keys);
        Assert.Contains("LVLA 3 (30.0%)", balance.ToString());

        var windows = new WindowSet(trials, WindowSettings.Paper);
        int[] firstTrialOfSubject2 = [.. Enumerable.Range(windows.WindowsOf(4).Start, windows.WindowsPerTrial)];
        var ofWindows = ClassBalance.OfWindows(labels, windows, firstTrialOfSubject2);
        Assert.Equal([(long)windows.WindowsPerTrial, 0, 0, 0], ofWindows.Pooled.Counts);
        Assert.Equal([2], ofWindows.BySubject.Keys);
    }
}
