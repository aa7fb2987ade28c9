using Valence.Eeg.Datasets;
using Valence.Eeg.Protocols;

namespace Valence.Eeg.Tests.Protocols;

/// <summary>The checks every protocol goes through, computed from the window indices themselves, not from manifests.</summary>
public class ProtocolTests
{
    public static TheoryData<string> Honest => ["trial-holdout", "kfold-per-subject", "kfold-pooled", "loso"];

    private static Protocol Build(string name, int seed = 7) => name switch
    {
        "paper" => new PaperProtocol(seed: seed),
        "trial-holdout" => new TrialHoldoutProtocol(seed: seed),
        "kfold-per-subject" => new KFoldProtocol(5, FoldScope.PerSubject, seed: seed),
        "kfold-pooled" => new KFoldProtocol(4, FoldScope.Pooled, seed: seed),
        "loso" => new LosoProtocol(seed: seed),
        _ => throw new ArgumentException(name),
    };

    private static HashSet<int> TrialsOf(WindowSet w, IEnumerable<int> windows) => [.. windows.Select(w.TrialOf)];

    [Theory]
    [MemberData(nameof(Honest))]
    public void No_window_of_a_held_out_trial_or_subject_reaches_training_or_validation(string name)
    {
        var (windows, labels) = ProtocolData.Make();
        var splits = Build(name).CreateSplits(windows, labels);
        Assert.NotEmpty(splits);
        foreach (var split in splits)
        {
            var train = TrialsOf(windows, split.Train);
            var validation = TrialsOf(windows, split.Validation);
            var test = TrialsOf(windows, split.Test);
            Assert.Empty(test.Intersect(train));
            Assert.Empty(test.Intersect(validation));
            Assert.Empty(train.Intersect(validation));
            Assert.NotEmpty(split.Train);
            Assert.NotEmpty(split.Validation);
            Assert.NotEmpty(split.Test);
            // Grouped by trial: a side holds all of a trial's windows or none of them.
            foreach (var side in new[] { split.Train, split.Validation, split.Test })
                Assert.Equal(TrialsOf(windows, side).Count * windows.WindowsPerTrial, side.Length);
            if (name == "loso")
            {
                var testSubjects = test.Select(windows.Trials.Subject).ToHashSet();
                Assert.Single(testSubjects);
                Assert.DoesNotContain(train.Concat(validation).Select(windows.Trials.Subject), testSubjects.Contains);
            }
            Assert.False(split.Manifest.IsLeaky);
        }
    }

    [Theory]
    [InlineData("kfold-per-subject")]
    [InlineData("kfold-pooled")]
    [InlineData("loso")]
    public void Every_window_is_a_test_window_exactly_once(string name)
    {
        var (windows, labels) = ProtocolData.Make();
        var splits = Build(name).CreateSplits(windows, labels);
        var timesTested = new int[windows.Count];
        foreach (var split in splits)
            foreach (int w in split.Test) timesTested[w]++;
        Assert.All(timesTested, t => Assert.Equal(1, t));
        Assert.Equal(name switch { "kfold-per-subject" => 4 * 5, "kfold-pooled" => 4, _ => 4 }, splits.Count);
    }

    [Theory]
    [MemberData(nameof(Honest))]
    public void Within_a_split_every_window_is_on_at_most_one_side_and_per_subject_splits_stay_within_their_subject(string name)
    {
        var (windows, labels) = ProtocolData.Make();
        foreach (var split in Build(name).CreateSplits(windows, labels))
        {
            int[] all = [.. split.Train, .. split.Validation, .. split.Test];
            Assert.Equal(all.Length, all.Distinct().Count());
            if (name == "kfold-per-subject")
                Assert.All(all, w => Assert.Equal(split.Manifest.Subject, windows.Trials.Subject(windows.TrialOf(w))));
            else if (name == "trial-holdout")
                Assert.Equal(windows.Count, all.Length);
        }
    }

    [Fact]
    public void Paper_split_is_marked_leaky_and_does_leak_trials_while_keeping_windows_apart()
    {
        var (windows, labels) = ProtocolData.Make();
        var split = Assert.Single(new PaperProtocol(seed: 3).CreateSplits(windows, labels));
        Assert.True(split.Manifest.IsLeaky);
        Assert.Contains("leaky", split.Manifest.Protocol);
        Assert.Contains("\"leaky\": true", split.Manifest.ToJson());
        Assert.Equal(Disjointness.Window, split.Manifest.DisjointBy);
        Assert.Empty(split.Train.Intersect(split.Test));
        Assert.Empty(split.Train.Intersect(split.Validation));
        Assert.Empty(split.Validation.Intersect(split.Test));
        Assert.Equal(windows.Count, split.Train.Length + split.Validation.Length + split.Test.Length);
        Assert.Equal(Math.Round(windows.Count * 0.1, MidpointRounding.AwayFromZero), split.Test.Length);
        Assert.Equal(Math.Round(windows.Count * 0.1, MidpointRounding.AwayFromZero), split.Validation.Length);
        // The leak the name warns of: most test trials also have windows in training.
        var train = TrialsOf(windows, split.Train);
        Assert.True(TrialsOf(windows, split.Test).Count(train.Contains) > split.Test.Length / 2);
    }

    [Theory]
    [InlineData("paper")]
    [InlineData("trial-holdout")]
    [InlineData("kfold-per-subject")]
    [InlineData("kfold-pooled")]
    [InlineData("loso")]
    public void The_same_seed_gives_the_same_splits_and_another_seed_other_ones(string name)
    {
        var (windows, labels) = ProtocolData.Make();
        string Fingerprint(int seed) => string.Join("|", Build(name, seed).CreateSplits(windows, labels)
            .Select(s => $"{string.Join(",", s.Train)};{string.Join(",", s.Validation)};{string.Join(",", s.Test)}"));
        // Rebuilding the data (recordings given in another order) must not change the split either.
        var (again, againLabels) = ProtocolData.Make();
        Assert.Equal(Fingerprint(11), Fingerprint(11));
        Assert.Equal(Fingerprint(11), string.Join("|", Build(name, 11).CreateSplits(again, againLabels)
            .Select(s => $"{string.Join(",", s.Train)};{string.Join(",", s.Validation)};{string.Join(",", s.Test)}")));
        Assert.NotEqual(Fingerprint(11), Fingerprint(12));
    }

    [Fact]
    public void Trial_holdout_keeps_each_subjects_class_proportions_in_test()
    {
        var (windows, labels) = ProtocolData.Make(subjects: 3, trials: 40);
        var split = Assert.Single(new TrialHoldoutProtocol(test: 0.25, validation: 0.1, seed: 5).CreateSplits(windows, labels));
        foreach (int subject in windows.Trials.Subjects)
        {
            var (start, count) = windows.Trials.TrialsOf(subject);
            var testTrials = TrialsOf(windows, split.Test).Where(t => windows.Trials.Subject(t) == subject).ToArray();
            Assert.Equal(10, testTrials.Length);
            for (int c = 0; c < 4; c++)
            {
                double overall = Enumerable.Range(start, count).Count(t => labels[t] == c) / (double)count;
                int inTest = testTrials.Count(t => labels[t] == c);
                Assert.InRange(inTest, Math.Floor(overall * 10) - 1, Math.Ceiling(overall * 10) + 1);
            }
        }
    }

    [Theory]
    [InlineData(FoldScope.PerSubject)]
    [InlineData(FoldScope.Pooled)]
    public void Kfold_folds_keep_class_proportions_and_sizes_within_one_trial(FoldScope scope)
    {
        var (windows, labels) = ProtocolData.Make(subjects: 3, trials: 40);
        var splits = new KFoldProtocol(4, scope, seed: 9).CreateSplits(windows, labels);
        foreach (var group in splits.GroupBy(s => s.Manifest.Subject))
        {
            int[] trialsInScope = [.. group.SelectMany(s => TrialsOf(windows, s.Test))];
            var sizes = group.Select(s => s.Test.Length / windows.WindowsPerTrial).ToArray();
            Assert.True(sizes.Max() - sizes.Min() <= 1);
            foreach (var split in group)
            {
                var test = TrialsOf(windows, split.Test);
                for (int c = 0; c < 4; c++)
                {
                    double expected = trialsInScope.Count(t => labels[t] == c) / (double)trialsInScope.Length * test.Count;
                    Assert.InRange(test.Count(t => labels[t] == c), Math.Floor(expected) - 1, Math.Ceiling(expected) + 1);
                }
            }
        }
    }

    [Fact]
    public void Manifests_name_the_sides_and_hash_the_configuration()
    {
        var (windows, labels) = ProtocolData.Make();
        var splits = new LosoProtocol(validation: 0.2, seed: 4).CreateSplits(windows, labels);
        var m = splits[1].Manifest;
        Assert.Equal("loso", m.Protocol);
        Assert.Equal(2, m.Subject);
        Assert.Equal([2], m.Test.Subjects);
        Assert.Equal([1, 3, 4], m.Train.Subjects);
        Assert.Equal(20, m.Test.Trials.Count);
        Assert.Equal(Disjointness.Subject, m.DisjointBy);
        Assert.Equal(m.Test.WindowCount, m.Test.ClassCounts.Sum());
        Assert.Equal(12, m.Validation.Trials.Count);   // round(60 · 0.2)
        Assert.Equal(4, m.Seed);
        Assert.Matches("^[0-9a-f]{64}$", m.ConfigHash);
        string json = m.ToJson();
        Assert.Contains("\"s02/t19\"", json);
        Assert.Contains(m.ConfigHash, json);

        string Hash(Protocol p, WindowSet w, TrialLabels l) => p.CreateSplits(w, l)[0].Manifest.ConfigHash;
        Assert.Equal(m.ConfigHash, Hash(new LosoProtocol(validation: 0.2, seed: 4), windows, labels));
        Assert.NotEqual(m.ConfigHash, Hash(new LosoProtocol(validation: 0.2, seed: 5), windows, labels));
        Assert.NotEqual(m.ConfigHash, Hash(new LosoProtocol(validation: 0.1, seed: 4), windows, labels));
        Assert.NotEqual(m.ConfigHash, Hash(new LosoProtocol(validation: 0.2, seed: 4), windows,
            new TrialLabels(windows.Trials, new LabelScheme(LabelTarget.Valence))));
        Assert.NotEqual(m.ConfigHash, Hash(new LosoProtocol(validation: 0.2, seed: 4),
            new WindowSet(windows.Trials, new WindowSettings(SignalDuration.FromSeconds(1), SignalDuration.FromSeconds(1))), labels));
    }

    [Fact]
    public void Bad_settings_are_refused_naming_the_setting_its_value_and_the_valid_range()
    {
        void Refused<T>(Func<object> build, params string[] expected) where T : Exception
        {
            var e = Assert.ThrowsAny<T>(build);
            foreach (var text in expected) Assert.Contains(text, e.Message);
        }
        Refused<ArgumentException>(() => new PaperProtocol(0.8, 0.1, 0.2), "sum to 1", "1.1");
        Refused<ArgumentOutOfRangeException>(() => new PaperProtocol(0.9, -0.1, 0.2), "validation", "-0.1", "[0, 1)");
        Refused<ArgumentOutOfRangeException>(() => new PaperProtocol(1, 0, 0), "train", "(0, 1)");
        Refused<ArgumentOutOfRangeException>(() => new PaperProtocol(0.9, 0.1, 0), "test", "(0, 1)");
        Refused<ArgumentOutOfRangeException>(() => new PaperProtocol(double.NaN, 0.1, 0.1), "train");
        Refused<ArgumentOutOfRangeException>(() => new TrialHoldoutProtocol(test: 0), "test", "(0, 1)");
        Refused<ArgumentOutOfRangeException>(() => new TrialHoldoutProtocol(test: 0.6, validation: 0.4), "leaves nothing for training");
        Refused<ArgumentOutOfRangeException>(() => new KFoldProtocol(1), "folds = 1", "at least 2");
        Refused<ArgumentOutOfRangeException>(() => new KFoldProtocol(5, validation: 1), "validation", "[0, 1)");
        Refused<ArgumentOutOfRangeException>(() => new KFoldProtocol(5, (FoldScope)9), "scope");
        Refused<ArgumentOutOfRangeException>(() => new LosoProtocol(validation: -0.5), "validation", "-0.5");

        var (windows, labels) = ProtocolData.Make(subjects: 2, trials: 6);
        Refused<ArgumentOutOfRangeException>(() => new KFoldProtocol(7).CreateSplits(windows, labels), "folds = 7", "subject 1", "6 trials", "[2, 6]");
        Assert.Equal(12, new KFoldProtocol(12, FoldScope.Pooled, validation: 0).CreateSplits(windows, labels).Count);
        Refused<ArgumentOutOfRangeException>(() => new KFoldProtocol(13, FoldScope.Pooled).CreateSplits(windows, labels), "folds = 13", "12 trials", "[2, 12]");
        Refused<ArgumentException>(() => new TrialHoldoutProtocol(test: 0.05, validation: 0).CreateSplits(windows, labels), "subject 1", "6 trials", "0 test");
        Refused<ArgumentException>(() => new KFoldProtocol(2, validation: 0.95).CreateSplits(windows, labels), "takes all 3 training trials", "fold 1 of subject 1");
        var (one, oneLabels) = ProtocolData.Make(subjects: 1, trials: 6);
        Refused<ArgumentException>(() => new LosoProtocol().CreateSplits(one, oneLabels), "at least 2", "1 subject");
        var otherLabels = new TrialLabels(ProtocolData.Make(subjects: 2, trials: 6).Windows.Trials, LabelScheme.Quadrants);
        Refused<ArgumentException>(() => new LosoProtocol().CreateSplits(windows, otherLabels), "different trial set");
    }

    [Fact]
    public void A_split_that_breaks_its_promise_is_refused_on_construction()
    {
        var (windows, labels) = ProtocolData.Make(subjects: 2, trials: 6);
        SplitManifest Manifest(Disjointness by, SplitSide train, SplitSide validation, SplitSide test) =>
            new("broken", false, by, 0, 1, null, 0, "", "", train, validation, test);
        // Windows 0–1 train and 2–3 test: different windows, one trial.
        Assert.Contains("trials s01/t00", Assert.Throws<InvalidOperationException>(() =>
            new Split(windows, labels, [0, 1], [], [2, 3], (a, b, c) => Manifest(Disjointness.Trial, a, b, c))).Message);
        _ = new Split(windows, labels, [0, 1], [], [2, 3], (a, b, c) => Manifest(Disjointness.Window, a, b, c));
        Assert.Contains("two sides", Assert.Throws<InvalidOperationException>(() =>
            new Split(windows, labels, [0, 1], [1], [2, 3], (a, b, c) => Manifest(Disjointness.Window, a, b, c))).Message);
        // Subject 1 trial 0 in training, subject 1 trial 1 in test.
        Assert.Contains("test subjects 1", Assert.Throws<InvalidOperationException>(() =>
            new Split(windows, labels, [0], [], [4], (a, b, c) => Manifest(Disjointness.Subject, a, b, c))).Message);
    }
}
