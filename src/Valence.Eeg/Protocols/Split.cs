using System.Collections.Immutable;
using Valence.Eeg.Datasets;

namespace Valence.Eeg.Protocols;

/// <summary>
/// Training, validation and test windows (indices into a <see cref="WindowSet"/>, ascending) with the manifest that
/// says what they hold. A split checks on construction that its sides are disjoint at the level its protocol
/// promises, so a protocol with a bug cannot hand out a leaking split.
/// </summary>
public sealed class Split
{
    internal Split(WindowSet windows, TrialLabels labels, int[] train, int[] validation, int[] test,
        Func<SplitSide, SplitSide, SplitSide, SplitManifest> manifest)
    {
        Train = ImmutableArray.Create(train);
        Validation = ImmutableArray.Create(validation);
        Test = ImmutableArray.Create(test);
        Manifest = manifest(SplitSide.Of(windows, labels, train), SplitSide.Of(windows, labels, validation), SplitSide.Of(windows, labels, test));
        RequireDisjoint(windows);
    }

    /// <summary>Training windows, ascending.</summary>
    public ImmutableArray<int> Train { get; }

    /// <summary>Validation windows, ascending (empty when the protocol was asked for none).</summary>
    public ImmutableArray<int> Validation { get; }

    /// <summary>Test windows, ascending.</summary>
    public ImmutableArray<int> Test { get; }

    /// <summary>What the split is and holds.</summary>
    public SplitManifest Manifest { get; }

    /// <summary>"kfold fold 2/5 s03", "loso s05", "paper-leaky".</summary>
    public override string ToString()
    {
        var m = Manifest;
        string fold = m.FoldCount > 1 ? $" fold {m.Fold + 1}/{m.FoldCount}" : "";
        string subject = m.Subject is int s ? $" s{s:00}" : "";
        return $"{m.Protocol}{fold}{subject}";
    }

    private void RequireDisjoint(WindowSet windows)
    {
        var side = new sbyte[windows.Count];
        MarkWindows(side, Train, 1, windows);
        MarkWindows(side, Validation, 2, windows);
        MarkWindows(side, Test, 3, windows);
        if (Manifest.DisjointBy == Disjointness.Window) return;

        RequireNoSharedTrial(Manifest.Train, Manifest.Validation, "training", "validation");
        if (Manifest.DisjointBy == Disjointness.Trial)
        {
            RequireNoSharedTrial(Manifest.Train, Manifest.Test, "training", "test");
            RequireNoSharedTrial(Manifest.Validation, Manifest.Test, "validation", "test");
            return;
        }
        var shared = Manifest.Test.Subjects.Intersect(Manifest.Train.Subjects.Concat(Manifest.Validation.Subjects)).ToArray();
        if (shared.Length > 0)
            throw Bug($"test subjects {string.Join(", ", shared)} also feed training or validation");
    }

    private void MarkWindows(sbyte[] side, ImmutableArray<int> indices, sbyte mark, WindowSet windows)
    {
        int previous = -1;
        foreach (int w in indices)
        {
            if (w <= previous || w >= windows.Count)
                throw Bug($"window {w} is out of order, repeated or not a window of the set");
            if (side[w] != 0)
                throw Bug($"window {w} is on two sides");
            side[w] = mark;
            previous = w;
        }
    }

    private void RequireNoSharedTrial(SplitSide a, SplitSide b, string aName, string bName)
    {
        var shared = a.Trials.Intersect(b.Trials).ToArray();
        if (shared.Length > 0)
            throw Bug($"trials {string.Join(", ", shared.Take(5))} have windows in both {aName} and {bName}");
    }

    private InvalidOperationException Bug(string what) =>
        new($"Protocol {Manifest.Protocol} produced a split ({this}) in which {what}; it promises disjointness by {Manifest.DisjointBy.ToString().ToLowerInvariant()}. This is a bug in the protocol.");
}
