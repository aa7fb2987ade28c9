namespace Valence.Eeg.Synthetic;

/// <summary>
/// The aperiodic ("1/f") background of EEG: white noise through four first-order pole–zero sections whose poles lie
/// geometrically between <c>lowHz</c> and <c>highHz</c> and whose zeros sit a fraction β/2 of the way to the next
/// pole, so that the power spectrum falls as 1/f^β between them (Kasdin's construction). Kept in parallel form
/// (a direct term plus four one-pole sections on the same input) because four independent recurrences run in one
/// loop without waiting on each other, where the cascade would chain them.
/// </summary>
internal readonly struct AperiodicFilter
{
    public const int Sections = 4;

    private AperiodicFilter(double[] poles, double[] zeros, double[] residues, double direct, double sampleRate)
    {
        Poles = poles;
        Zeros = zeros;
        Residues = residues;
        Direct = direct;
        SampleRate = sampleRate;
    }

    /// <summary>The one-pole sections' poles.</summary>
    public double[] Poles { get; }

    /// <summary>The cascade's zeros (kept for <see cref="PowerGain"/>).</summary>
    public double[] Zeros { get; }

    /// <summary>The residue of each pole in the parallel form.</summary>
    public double[] Residues { get; }

    /// <summary>The parallel form's direct (feed-through) term.</summary>
    public double Direct { get; }

    /// <summary>Samples per second the coefficients were designed for.</summary>
    public double SampleRate { get; }

    /// <summary>Designs the filter for spectral exponent <paramref name="exponent"/> (0 &lt; β ≤ 2).</summary>
    public static AperiodicFilter Design(double exponent, double sampleRate, double lowHz, double highHz)
    {
        var poles = new double[Sections];
        var zeros = new double[Sections];
        double ratio = Math.Pow(highHz / lowHz, 1.0 / (Sections - 1));
        double zeroShift = Math.Pow(ratio, exponent / 2);
        for (int m = 0; m < Sections; m++)
        {
            double poleHz = lowHz * Math.Pow(ratio, m);
            poles[m] = Math.Exp(-2 * Math.PI * poleHz / sampleRate);
            zeros[m] = Math.Exp(-2 * Math.PI * poleHz * zeroShift / sampleRate);
        }
        // H(q) = Π (1 − zⱼq)/(1 − pⱼq) = D + Σ rₘ/(1 − pₘq), q = z⁻¹:
        // D = Π zⱼ/pⱼ, rₘ = Π (1 − zⱼ/pₘ) / Πⱼ≠ₘ (1 − pⱼ/pₘ).
        double direct = 1;
        var residues = new double[Sections];
        for (int m = 0; m < Sections; m++)
        {
            direct *= zeros[m] / poles[m];
            double numerator = 1, denominator = 1;
            for (int j = 0; j < Sections; j++)
            {
                numerator *= 1 - zeros[j] / poles[m];
                if (j != m) denominator *= 1 - poles[j] / poles[m];
            }
            residues[m] = numerator / denominator;
        }
        return new AperiodicFilter(poles, zeros, residues, direct, sampleRate);
    }

    /// <summary>|H(e^{iω})|² at <paramref name="hz"/>: the factor by which the filter scales white noise's power there.</summary>
    public double PowerGain(double hz)
    {
        double w = 2 * Math.PI * hz / SampleRate, c = Math.Cos(w);
        double gain = 1;
        for (int m = 0; m < Sections; m++)
            gain *= (1 - 2 * Zeros[m] * c + Zeros[m] * Zeros[m]) / (1 - 2 * Poles[m] * c + Poles[m] * Poles[m]);
        return gain;
    }

    /// <summary>
    /// The input gain that gives a one-sided power spectral density of <paramref name="densityAt10Hz"/> (µV²/Hz) at
    /// 10 Hz when the input is white noise of variance 1 (whose one-sided density is 2/fs).
    /// </summary>
    public double InputGainFor(double densityAt10Hz) => Math.Sqrt(densityAt10Hz * SampleRate / (2 * PowerGain(10)));
}
