namespace Valence.Eeg.Tests.Synthetic;

/// <summary>The test-side spectrum estimator against signals whose spectrum is known.</summary>
public class WelchTests
{
    [Fact]
    public void A_sine_puts_its_power_in_its_bin_and_white_noise_is_flat_at_its_density()
    {
        const double fs = 128, amplitude = 3;
        var sine = Enumerable.Range(0, 4096).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * 10 * n / fs))).ToArray();
        var psd = Welch.Psd(sine, fs, 256);
        int peak = Array.IndexOf(psd, psd.Max());
        Assert.Equal(20, peak); // 10 Hz at 0.5 Hz per bin
        // Integrated over the bins the window spreads it into, the power is amplitude²/2.
        double power = Enumerable.Range(peak - 3, 7).Sum(k => psd[k]) * fs / 256;
        Assert.InRange(power, 0.95 * amplitude * amplitude / 2, 1.05 * amplitude * amplitude / 2);

        var random = new Random(7);
        var white = Enumerable.Range(0, 1 << 16).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        double expected = 2 * (1.0 / 3) / fs; // one-sided density of variance 1/3
        var flat = Welch.Psd(white, fs, 256);
        Assert.InRange(Welch.Band(flat, fs, 4, 60), 0.95 * expected, 1.05 * expected);
    }
}
