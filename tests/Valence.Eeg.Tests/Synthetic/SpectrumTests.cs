using Valence.Eeg.Recordings;
using Valence.Eeg.Synthetic;

namespace Valence.Eeg.Tests.Synthetic;

/// <summary>The spectra of the preprocessed EEG: a 1/f-like background with an alpha peak where the subject's is, strongest at the back.</summary>
[Collection(SyntheticDataCollection.Name)]
public class SpectrumTests(SyntheticData data)
{
    private static readonly string[] Posterior = ["O1", "O2", "Oz", "PO3", "PO4", "P3", "P4", "Pz"];
    private static readonly string[] Frontal = ["Fp1", "Fp2", "AF3", "AF4", "F3", "F4", "F7", "F8", "Fz"];

    [Fact]
    public void Log_power_falls_with_log_frequency_between_4_and_40_Hz()
    {
        foreach (var r in data.Subjects)
        {
            var psd = MeanPsd(r, DeapChannels.Eeg, 256);
            var bins = Enumerable.Range(0, psd.Length).Where(k => k * 0.5 >= 4 && k * 0.5 <= 40).ToArray();
            double slope = Stats.Slope(bins.Select(k => Math.Log10(k * 0.5)).ToArray(), bins.Select(k => Math.Log10(psd[k])).ToArray());
            Assert.InRange(slope, -3.0, -0.8);
            // Falling across the band, rhythms or not: 5 Hz above 20 Hz above 40 Hz, each by a clear margin.
            Assert.True(psd[10] > 2 * psd[40] && psd[40] > 2 * psd[80], $"subject {r.Subject}: {psd[10]}, {psd[40]}, {psd[80]}");
        }
    }

    [Fact]
    public void Alpha_peaks_at_each_subjects_individual_alpha_frequency()
    {
        var peaks = new List<double>();
        foreach (var r in data.Subjects)
        {
            var psd = MeanPsd(r, Posterior, 512); // 0.25 Hz bins
            int peak = Enumerable.Range(28, 29).MaxBy(k => psd[k]); // 7–14 Hz
            double iaf = SubjectProfile.Draw(SyntheticData.Options, r.Subject).BandCentreHz[(int)EegBand.Alpha];
            Assert.InRange(peak * 0.25, iaf - 0.6, iaf + 0.6);
            peaks.Add(peak * 0.25);
        }
        Assert.True(peaks.Max() - peaks.Min() >= 0.5, $"the subjects' alpha peaks should differ: {string.Join(", ", peaks)}");
    }

    [Fact]
    public void Alpha_is_stronger_over_occipital_and_parietal_sites_than_frontal()
    {
        // Eyes open, watching a video: posterior alpha a few dB above frontal, less in subjects with little alpha.
        var differences = new List<double>();
        foreach (var r in data.Subjects)
        {
            double posterior = Posterior.Average(c => MeanAlphaDb(r, c));
            double frontal = Frontal.Average(c => MeanAlphaDb(r, c));
            Assert.True(posterior - frontal > 1.5, $"subject {r.Subject}: posterior {posterior:F1} dB, frontal {frontal:F1} dB");
            differences.Add(posterior - frontal);
        }
        Assert.True(differences.Average() > 2.5, $"posterior − frontal alpha: {string.Join(", ", differences.Select(d => d.ToString("F1")))} dB");
    }

    private static double MeanAlphaDb(SubjectRecording r, string channel) =>
        Enumerable.Range(0, r.TrialCount).Average(k => SyntheticData.BandDb(r, k, channel, 8, 13));

    private static double[] MeanPsd(SubjectRecording r, IReadOnlyList<string> channels, int segment)
    {
        var sum = new double[segment / 2 + 1];
        for (int k = 0; k < r.TrialCount; k++)
            foreach (var c in channels)
            {
                var psd = Welch.Psd(SyntheticData.Video(r, k, c), r.SampleRate, segment);
                for (int i = 0; i < sum.Length; i++) sum[i] += psd[i];
            }
        return sum;
    }
}
