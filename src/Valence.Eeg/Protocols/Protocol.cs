using System.Security.Cryptography;
using System.Text;
using Valence.Eeg.Datasets;

namespace Valence.Eeg.Protocols;

/// <summary>
/// An evaluation protocol: a rule that divides a <see cref="WindowSet"/> into training, validation and test windows,
/// named after what it holds out. Settings are checked when the protocol is built; checks that need the data (enough
/// trials for the folds, enough subjects) run before any split is made. The same seed gives the same splits.
/// </summary>
public abstract class Protocol
{
    /// <summary>Sets the seed.</summary>
    protected Protocol(int seed) => Seed = seed;

    /// <summary>The protocol's name, as written in manifests.</summary>
    public abstract string Name { get; }

    /// <summary>Whether test windows have near copies in training (only the paper's random window split).</summary>
    public virtual bool IsLeaky => false;

    /// <summary>What the sides of every split are guaranteed not to share.</summary>
    public abstract Disjointness DisjointBy { get; }

    /// <summary>The seed every random choice derives from.</summary>
    public int Seed { get; }

    /// <summary>The settings in a stable text form (without the seed), for manifests and hashes.</summary>
    public abstract string Settings { get; }

    /// <summary>Every split the protocol defines on <paramref name="windows"/> (one, or one per fold or subject).</summary>
    /// <exception cref="ArgumentException">The labels describe other trials, or the data cannot satisfy the settings
    /// (for example more folds than trials); the message names the setting, its value and the valid range.</exception>
    public IReadOnlyList<Split> CreateSplits(WindowSet windows, TrialLabels labels)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(labels);
        labels.RequireSameTrials(windows);
        string config = Config(windows, labels);
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(config)));
        return [.. Plan(windows, labels).Select(p => new Split(windows, labels, p.Train, p.Validation, p.Test,
            (train, validation, test) => new SplitManifest(Name, IsLeaky, DisjointBy, p.Fold, p.FoldCount, p.Subject, Seed,
                config, hash, train, validation, test)))];
    }

    /// <summary>The windows of each side of each split, ascending; checks the data against the settings first.</summary>
    private protected abstract IEnumerable<SplitPlan> Plan(WindowSet windows, TrialLabels labels);

    /// <summary>Everything a split depends on, as text: protocol, settings, seed, windows, labels and trials.</summary>
    private string Config(WindowSet windows, TrialLabels labels)
    {
        var trials = windows.Trials;
        string subjects = string.Join(",", trials.Subjects.Select(s => $"s{s:00}:{trials.TrialsOf(s).Count}"));
        return $"protocol={Name};{Settings};seed={Seed}|windows={windows.Settings.Canonical};samples={windows.Length}/{windows.Stride}"
            + $";rate={windows.SampleRate};trialSamples={trials.SamplesPerTrial};baselineSamples={trials.BaselineSamples}"
            + $"|labels={labels.Scheme.Canonical}|trials={subjects}";
    }

    /// <summary>Refuses a ratio outside [0, 1], with 0 and 1 themselves allowed or not.</summary>
    private protected void RequireRatio(string setting, double value, bool zeroAllowed, bool oneAllowed)
    {
        bool ok = double.IsFinite(value) && (zeroAllowed ? value >= 0 : value > 0) && (oneAllowed ? value <= 1 : value < 1);
        if (!ok)
            throw new ArgumentOutOfRangeException(setting, value,
                $"{Name}: {setting} = {value}; it must be in {(zeroAllowed ? "[0" : "(0")}, 1{(oneAllowed ? "]" : ")")}.");
    }

    /// <summary>round(n·ratio), halves away from zero.</summary>
    private protected static int Share(int n, double ratio) => (int)Math.Round(n * ratio, MidpointRounding.AwayFromZero);

    /// <summary>The ascending windows of <paramref name="trials"/>.</summary>
    private protected static int[] WindowsOf(WindowSet windows, IEnumerable<int> trials) =>
        [.. trials.Order().SelectMany(t =>
        {
            var (start, count) = windows.WindowsOf(t);
            return Enumerable.Range(start, count);
        })];

    /// <summary>The set's trial indices of <paramref name="subject"/>.</summary>
    private protected static int[] TrialsOf(TrialSet trials, int subject)
    {
        var (start, count) = trials.TrialsOf(subject);
        return [.. Enumerable.Range(start, count)];
    }

    /// <summary>A stratum key for the trial's class alone.</summary>
    private protected static Func<int, long> ByClass(TrialLabels labels) => t => labels[t];

    /// <summary>A stratum key for the trial's subject and class together.</summary>
    private protected static Func<int, long> BySubjectAndClass(TrialLabels labels) =>
        t => (long)labels.Trials.Subject(t) * labels.ClassCount + labels[t];

    /// <summary>
    /// Takes validation trials from <paramref name="training"/>: round(count·ratio) of them, stratified by
    /// <paramref name="stratum"/>. Returns what stays in training and what goes to validation.
    /// </summary>
    private protected (int[] Train, int[] Validation) CarveValidation(IReadOnlyList<int> training, double ratio,
        Func<int, long> stratum, SplitMix64 random, string where)
    {
        int count = Share(training.Count, ratio);
        if (count >= training.Count)
            throw new ArgumentException(
                $"{Name}: validation ratio {ratio} takes all {training.Count} training trials {where}; lower it so that training keeps at least one trial.");
        int[] order = StratifiedOrder.Of(training, stratum, random);
        return (order[count..], order[..count]);
    }
}
