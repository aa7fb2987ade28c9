namespace Valence.Eeg.Protocols;

/// <summary>One split as a protocol plans it: the windows of each side (ascending) and which fold and subject it is.</summary>
internal sealed record SplitPlan(int[] Train, int[] Validation, int[] Test, int Fold = 0, int FoldCount = 1, int? Subject = null);
