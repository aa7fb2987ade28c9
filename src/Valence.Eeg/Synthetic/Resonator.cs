namespace Valence.Eeg.Synthetic;

/// <summary>
/// A band-limited rhythm: white noise through a two-pole resonator y[n] = a₁y[n−1] + a₂y[n−2] + b·e[n] with poles at
/// radius r = exp(−π·B/fs) and angle 2π·f₀/fs. The output is narrow-band noise around f₀, about B Hz wide, whose
/// envelope waxes and wanes as real alpha spindles do.
/// </summary>
/// <param name="A1">Feedback on y[n−1]: 2r·cos(2πf₀/fs).</param>
/// <param name="A2">Feedback on y[n−2]: −r².</param>
/// <param name="UnitInputGain">The input gain b that makes the stationary output's variance 1 for unit-variance input.</param>
internal readonly record struct Resonator(double A1, double A2, double UnitInputGain)
{
    /// <summary>Designs a resonator centred on <paramref name="centreHz"/> with bandwidth <paramref name="bandwidthHz"/>.</summary>
    public static Resonator Design(double centreHz, double bandwidthHz, double sampleRate)
    {
        double r = Math.Exp(-Math.PI * bandwidthHz / sampleRate);
        double a1 = 2 * r * Math.Cos(2 * Math.PI * centreHz / sampleRate);
        double a2 = -r * r;
        // Stationary variance of an AR(2) process driven by unit-variance noise.
        double variance = (1 - a2) / ((1 + a2) * ((1 - a2) * (1 - a2) - a1 * a1));
        return new Resonator(a1, a2, 1 / Math.Sqrt(variance));
    }
}
