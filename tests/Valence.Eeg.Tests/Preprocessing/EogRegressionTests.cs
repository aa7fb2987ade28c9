using Valence.Eeg.Preprocessing;
using Valence.Eeg.Recordings;
using Xunit.Abstractions;

namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>EOG regression removes injected blinks and eye movements from synthetic EEG almost entirely.</summary>
public sealed class EogRegressionTests(ITestOutputHelper output)
{
    private const int Trials = 4, Samples = 1280;
    private const double Rate = 128;

    [Fact]
    public void An_injected_blink_and_saccades_are_attenuated_by_more_than_20_dB()
    {
        var random = new Random(42);
        double[][,] brain = Enumerable.Range(0, Trials).Select(_ => BrainNoise(random)).ToArray();
        double[][] vEog = Enumerable.Range(0, Trials).Select(_ => Blinks(random)).ToArray();
        double[][] hEog = Enumerable.Range(0, Trials).Select(_ => Saccades(random)).ToArray();
        double[] k = Enumerable.Range(0, 32).Select(_ => 0.05 + 0.45 * random.NextDouble()).ToArray();
        double[] m = Enumerable.Range(0, 32).Select(_ => 0.02 + 0.18 * random.NextDouble()).ToArray();

        // EEG = brain + k·vEOG + m·hEOG; the EOG channels carry the ocular signals plus a little noise of their own.
        SubjectRecording input = TestRecordings.Make(DeapChannels.Preprocessed, Trials, Samples, Rate, 0, (trial, c, t) => c switch
        {
            < 32 => brain[trial][c, t] + k[c] * vEog[trial][t] + m[c] * hEog[trial][t],
            32 => hEog[trial][t] + brain[trial][0, (t * 7) % Samples] * 0.05,
            33 => vEog[trial][t] + brain[trial][1, (t * 11) % Samples] * 0.05,
            _ => 0,
        });
        SubjectRecording cleaned = new EogRegressionStep(SignalDescription.Of(input), ["hEOG", "vEOG"], DeapChannels.Eeg).Apply(input);

        // The regression keeps each channel's mean (it has an intercept), so artefact and residue are compared
        // as deviations from their means over the subject.
        double injected = 0, remaining = 0, blinkInjected = 0, blinkRemaining = 0;
        for (int c = 0; c < 32; c++)
        {
            double[] artefact = new double[Trials * Samples], left = new double[Trials * Samples];
            for (int trial = 0, i = 0; trial < Trials; trial++)
                for (int t = 0; t < Samples; t++, i++)
                {
                    artefact[i] = k[c] * vEog[trial][t] + m[c] * hEog[trial][t];
                    left[i] = cleaned.Channel(trial, c)[t] - brain[trial][c, t];
                }
            double artefactMean = artefact.Average(), leftMean = left.Average();
            for (int i = 0; i < artefact.Length; i++)
            {
                double a = artefact[i] - artefactMean, r = left[i] - leftMean;
                injected += a * a;
                remaining += r * r;
                // Blink samples alone: where the vEOG is far from rest.
                if (Math.Abs(vEog[i / Samples][i % Samples]) > 20)
                {
                    blinkInjected += a * a;
                    blinkRemaining += r * r;
                }
            }
        }
        double attenuation = 10 * Math.Log10(injected / remaining), blinkAttenuation = 10 * Math.Log10(blinkInjected / blinkRemaining);
        output.WriteLine($"EOG regression: ocular artefact attenuated by {attenuation:F1} dB overall, {blinkAttenuation:F1} dB during blinks");
        Assert.True(attenuation >= 20, $"Attenuation {attenuation:F1} dB is below 20 dB.");
        Assert.True(blinkAttenuation >= 20, $"Blink attenuation {blinkAttenuation:F1} dB is below 20 dB.");
        Assert.Equal(input.Channel(2, 33).ToArray(), cleaned.Channel(2, 33).ToArray());
    }

    [Fact]
    public void The_fit_recovers_the_propagation_factors_of_noiseless_mixing()
    {
        var random = new Random(1);
        double[] v = Blinks(random), h = Saccades(random);
        SubjectRecording input = TestRecordings.Make(["A", "B", "hEOG", "vEOG"], 1, Samples, Rate, 0, (_, c, t) => c switch
        {
            0 => 0.3 * v[t] - 0.1 * h[t] + 5,
            1 => 0.05 * v[t] + 0.4 * h[t],
            2 => h[t],
            _ => v[t],
        });
        EogRegressionFit fit = EogRegression.Fit(input.Samples, 1, 4, Samples, [2, 3], [0, 1]);
        Assert.Equal(-0.1, fit.Coefficients[0, 0], 4);
        Assert.Equal(0.3, fit.Coefficients[0, 1], 4);
        Assert.Equal(0.4, fit.Coefficients[1, 0], 4);
        Assert.Equal(0.05, fit.Coefficients[1, 1], 4);
    }

    [Fact]
    public void Constant_EOG_channels_are_refused_with_the_subject_named()
    {
        SubjectRecording input = TestRecordings.Make(["A", "hEOG", "vEOG"], 1, 200, Rate, 0, (_, c, t) => c == 0 ? Math.Sin(t) : 3);
        var error = Assert.Throws<InvalidOperationException>(() => new EogRegressionStep(SignalDescription.Of(input), ["hEOG", "vEOG"], ["A"]).Apply(input));
        Assert.Contains("Subject 7", error.Message);
        Assert.Throws<InvalidSettingException>(() => new EogRegressionStep(SignalDescription.Of(input), ["hEOG", "vEOG"], ["A", "vEOG"]));
    }

    /// <summary>Ongoing EEG: a few rhythms per channel with random phases, plus white noise, about 10 µV.</summary>
    private static double[,] BrainNoise(Random random)
    {
        var x = new double[32, Samples];
        for (int c = 0; c < 32; c++)
        {
            double[] frequencies = [6 + random.NextDouble(), 10 + random.NextDouble(), 20 + 5 * random.NextDouble()];
            double[] phases = frequencies.Select(_ => 2 * Math.PI * random.NextDouble()).ToArray();
            for (int t = 0; t < Samples; t++)
            {
                double value = 4 * (random.NextDouble() - 0.5);
                for (int f = 0; f < 3; f++) value += 5 * Math.Sin(2 * Math.PI * frequencies[f] * t / Rate + phases[f]);
                x[c, t] = value;
            }
        }
        return x;
    }

    /// <summary>Blinks: 150 µV bumps about 0.2 s wide, one every 2–4 s.</summary>
    private static double[] Blinks(Random random)
    {
        var v = new double[Samples];
        for (double at = 1 + random.NextDouble(); at < Samples / Rate - 0.5; at += 2 + 2 * random.NextDouble())
            for (int t = 0; t < Samples; t++)
            {
                double d = (t / Rate - at) / 0.07;
                v[t] += 150 * Math.Exp(-d * d);
            }
        return v;
    }

    /// <summary>Horizontal eye movements: steps between fixations, ±40 µV, smoothed over 30 ms.</summary>
    private static double[] Saccades(Random random)
    {
        var h = new double[Samples];
        double level = 0, target = 0;
        for (int t = 0; t < Samples; t++)
        {
            if (random.NextDouble() < 1.0 / 90) target = 80 * (random.NextDouble() - 0.5);
            level += (target - level) * 0.25;
            h[t] = level;
        }
        return h;
    }
}
