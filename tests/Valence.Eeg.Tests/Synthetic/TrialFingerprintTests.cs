using Valence.Eeg.Synthetic;

namespace Valence.Eeg.Tests.Synthetic;

/// <summary>
/// Trials carry fingerprints unrelated to emotion, as real EEG does: windows of one trial resemble each other more
/// than windows of other trials of the same class, so a split of windows at random leaks and a split by trial does
/// not. Without fingerprints (strength 0) the two splits agree.
/// </summary>
[Collection(SyntheticDataCollection.Name)]
public class TrialFingerprintTests(SyntheticData data)
{
    private static readonly Lazy<WindowFeatures> Fingerprinted = new(() => WindowFeatures.Of(
        new SyntheticDeapGenerator(SyntheticData.Options).GenerateSubject(1)));

    private static readonly Lazy<WindowFeatures> Plain = new(() => WindowFeatures.Of(
        new SyntheticDeapGenerator(SyntheticData.Options with { TrialFingerprintStrength = 0 }).GenerateSubject(1)));

    [Fact]
    public void Windows_of_one_trial_resemble_each_other_more_than_windows_of_other_trials_of_the_same_class()
    {
        _ = data;
        double fingerprinted = WithinToBetween(Fingerprinted.Value), plain = WithinToBetween(Plain.Value);
        // Distances between standardised band-power vectors; 1 would mean a trial's windows are no closer than others.
        Assert.True(fingerprinted < 0.88 && plain - fingerprinted > 0.1,
            $"within/between distance: with fingerprints {fingerprinted:F2}, without {plain:F2}");
    }

    [Fact]
    public void A_random_split_of_windows_leaks_and_a_split_by_trial_does_not()
    {
        var (randomSplit, trialSplit) = NearestNeighbourAccuracy(Fingerprinted.Value);
        Assert.True(randomSplit > 0.8 && randomSplit - trialSplit > 0.3,
            $"1-NN four-class accuracy: random windows {randomSplit:F2}, whole trials held out {trialSplit:F2}");
        var (plainRandom, plainTrial) = NearestNeighbourAccuracy(Plain.Value);
        Assert.True(Math.Abs(plainRandom - plainTrial) < 0.15,
            $"without fingerprints: random windows {plainRandom:F2}, whole trials held out {plainTrial:F2}");
    }

    /// <summary>Mean distance between windows of the same trial over mean distance between windows of different trials of the same class.</summary>
    private static double WithinToBetween(WindowFeatures f)
    {
        double within = 0, between = 0;
        int nWithin = 0, nBetween = 0;
        for (int i = 0; i < f.Vectors.Length; i++)
            for (int j = i + 1; j < f.Vectors.Length; j++)
            {
                if (f.Classes[i] != f.Classes[j]) continue;
                double d = WindowFeatures.Distance(f.Vectors[i], f.Vectors[j]);
                if (f.Trials[i] == f.Trials[j]) { within += d; nWithin++; }
                else { between += d; nBetween++; }
            }
        return within / nWithin / (between / nBetween);
    }

    /// <summary>Five-fold accuracy of a 1-nearest-neighbour classifier, folds of windows drawn at random and folds of whole trials.</summary>
    private static (double Random, double Trial) NearestNeighbourAccuracy(WindowFeatures f)
    {
        const int folds = 5;
        var random = new Random(11);
        var windowFold = Enumerable.Range(0, f.Vectors.Length).Select(_ => random.Next(folds)).ToArray();
        var trialOrder = Enumerable.Range(0, f.Trials.Max() + 1).OrderBy(_ => random.Next()).ToArray();
        var trialFold = new int[trialOrder.Length];
        for (int i = 0; i < trialOrder.Length; i++) trialFold[trialOrder[i]] = i % folds;
        return (Accuracy(f, i => windowFold[i]), Accuracy(f, i => trialFold[f.Trials[i]]));
    }

    private static double Accuracy(WindowFeatures f, Func<int, int> fold)
    {
        int correct = 0;
        for (int i = 0; i < f.Vectors.Length; i++)
        {
            int best = -1;
            double bestDistance = double.MaxValue;
            for (int j = 0; j < f.Vectors.Length; j++)
            {
                if (fold(j) == fold(i)) continue;
                double d = WindowFeatures.Distance(f.Vectors[i], f.Vectors[j]);
                if (d < bestDistance) { bestDistance = d; best = j; }
            }
            if (f.Classes[best] == f.Classes[i]) correct++;
        }
        return (double)correct / f.Vectors.Length;
    }
}
