using Valence.Eeg.Recordings;
using Valence.Eeg.Synthetic;

namespace Valence.Eeg.Tests.Synthetic;

/// <summary>
/// Emotion shows in the EEG as documented: valence as frontal alpha asymmetry (right − left log alpha power rises
/// with valence: more left frontal activity, less left alpha), arousal as more beta and gamma and less alpha.
/// </summary>
[Collection(SyntheticDataCollection.Name)]
public class EmotionEffectTests(SyntheticData data)
{
    private static readonly (string Left, string Right)[] FrontalPairs = [("F3", "F4"), ("AF3", "AF4"), ("F7", "F8")];
    private static readonly string[] Central = ["C3", "Cz", "C4", "CP1", "CP2", "P3", "Pz", "P4"];

    [Fact]
    public void Frontal_alpha_asymmetry_right_minus_left_rises_with_valence()
    {
        foreach (var r in data.Subjects)
        {
            var asymmetry = Enumerable.Range(0, r.TrialCount).Select(k => Asymmetry(r, k)).ToArray();
            var valence = r.Ratings.Select(x => (double)x.Valence).ToArray();
            double correlation = Stats.Correlation(asymmetry, valence);
            Assert.True(correlation > 0.5, $"subject {r.Subject}: r(FAA, valence) = {correlation:F2}");
        }
    }

    [Fact]
    public void Arousal_raises_beta_and_gamma_power_and_lowers_alpha()
    {
        var betaGamma = new List<double>();
        foreach (var r in data.Subjects)
        {
            var arousal = r.Ratings.Select(x => (double)x.Arousal).ToArray();
            var fast = Enumerable.Range(0, r.TrialCount)
                .Select(k => Central.Average(c => SyntheticData.BandDb(r, k, c, 13, 30) + SyntheticData.BandDb(r, k, c, 30, 45))).ToArray();
            var alpha = Enumerable.Range(0, r.TrialCount)
                .Select(k => DeapChannels.Eeg.Average(c => SyntheticData.BandDb(r, k, c, 8, 13))).ToArray();
            double rFast = Stats.Correlation(fast, arousal), rAlpha = Stats.Correlation(alpha, arousal);
            Assert.True(rFast > 0.3, $"subject {r.Subject}: r(beta+gamma, arousal) = {rFast:F2}");
            Assert.True(rAlpha < -0.5, $"subject {r.Subject}: r(alpha, arousal) = {rAlpha:F2}");
            betaGamma.Add(rFast);
        }
        Assert.True(betaGamma.Average() > 0.45, $"mean r(beta+gamma, arousal) = {betaGamma.Average():F2}");
    }

    [Fact]
    public void The_asymmetry_effect_scales_with_its_setting_and_vanishes_at_zero()
    {
        // Without fingerprints, rating noise or subject spread, the slope of FAA on valence isolates the effect.
        var clean = new SyntheticDeapOptions
        {
            TrialSeconds = 20, TrialFingerprintStrength = 0, RatingNoise = 0, SubjectEffectSpread = 0, SubjectCount = 1,
        };
        double Slope(double dbPerUnit)
        {
            var r = new SyntheticDeapGenerator(clean with { ValenceAsymmetryDbPerUnit = dbPerUnit }).GenerateSubject(1);
            return Stats.Slope(r.Ratings.Select(x => (double)x.Valence).ToArray(),
                Enumerable.Range(0, r.TrialCount).Select(k => Asymmetry(r, k)).ToArray());
        }
        double one = Slope(1), two = Slope(2), none = Slope(0);
        // The rhythm's power moves by the setting; band power, which holds background too, by somewhat less.
        Assert.InRange(one, 0.35, 1.1);
        Assert.InRange(two / one, 1.6, 2.4);
        Assert.InRange(none, -0.15, 0.15);
    }

    /// <summary>FAA in dB: mean over the frontal pairs of right minus left alpha (8–13 Hz) power.</summary>
    private static double Asymmetry(SubjectRecording r, int trial) =>
        FrontalPairs.Average(p => SyntheticData.BandDb(r, trial, p.Right, 8, 13) - SyntheticData.BandDb(r, trial, p.Left, 8, 13));
}
