namespace Valence.Eeg.Synthetic;

/// <summary>
/// The slow physiological channels: skin conductance (tonic level, drift and skin conductance responses),
/// respiration belt (breaths of varying length and depth), plethysmograph (a pulse wave with a dicrotic notch and
/// heart-rate variability) and skin temperature. Plausible in shape and scale; they carry no emotion.
/// </summary>
internal static class PeripheralSignals
{
    /// <summary>Skin conductance in µS: tonic level, slow drift, and responses (0.7 s rise, 3 s decay) about three a minute.</summary>
    public static void SkinConductance(Span<float> destination, double sampleRate, double tonicMicrosiemens, SyntheticRandom rng)
    {
        destination.Fill((float)tonicMicrosiemens);
        SlowDrift.Add(destination, sampleRate, 0.01, 0.08 * tonicMicrosiemens, rng);
        double seconds = destination.Length / sampleRate;
        // (1 − e^(−t/0.7))·e^(−t/3) = e^(−t/3) − e^(−t(1/0.7 + 1/3)): two geometric sequences, no exp per sample.
        double slow = Math.Exp(-1 / (3 * sampleRate)), fast = Math.Exp(-(1 / 0.7 + 1 / 3.0) / sampleRate);
        for (double t = rng.Exponential(20); t < seconds; t += rng.Exponential(20))
        {
            double amplitude = 1.6 * 0.05 * tonicMicrosiemens * Math.Exp(rng.Gaussian(0, 0.5));
            int start = (int)(t * sampleRate), length = Math.Min((int)(20 * sampleRate), destination.Length - start);
            double decay = amplitude, rise = amplitude;
            for (int i = 0; i < length; i++, decay *= slow, rise *= fast)
                destination[start + i] += (float)(decay - rise);
        }
        // Conductance cannot go below a small positive floor; resistance is its inverse.
        foreach (ref float g in destination) g = Math.Max(g, (float)(0.1 * tonicMicrosiemens));
    }

    /// <summary>Respiration belt, arbitrary units: breaths whose length and depth vary by about 15%, on a wandering baseline.</summary>
    public static void Respiration(Span<float> destination, double sampleRate, double breathsPerMinute, SyntheticRandom rng)
    {
        destination.Clear();
        Cycles(destination, sampleRate, 60 / breathsPerMinute, 0.15, rng, Breath, 400);
        SlowDrift.Add(destination, sampleRate, 0.02, 150, rng);
    }

    /// <summary>Plethysmograph, arbitrary units: a systolic peak and a smaller dicrotic wave each beat, beat length varying by about 4%.</summary>
    public static void Plethysmograph(Span<float> destination, double sampleRate, double heartRateBpm, SyntheticRandom rng)
    {
        destination.Clear();
        Cycles(destination, sampleRate, 60 / heartRateBpm, 0.04, rng, Pulse, 1000);
        SlowDrift.Add(destination, sampleRate, 0.05, 100, rng);
    }

    /// <summary>Skin temperature in °C: a baseline drifting by a few tenths of a degree, and sensor noise.</summary>
    public static void Temperature(Span<float> destination, double sampleRate, double baselineC, SyntheticRandom rng)
    {
        destination.Fill((float)baselineC);
        SlowDrift.Add(destination, sampleRate, 0.003, 0.2, rng);
        SlowDrift.Add(destination, sampleRate, sampleRate / 4, 0.003, rng);
    }

    /// <summary>One breath, as a table over its phase: a faster inhalation than exhalation.</summary>
    private static readonly float[] Breath = Table(phase => Math.Sin(2 * Math.PI * phase) + 0.3 * Math.Sin(4 * Math.PI * phase + 0.5));

    /// <summary>One pulse, as a table over its phase: the systolic peak and the smaller dicrotic wave after the notch.</summary>
    private static readonly float[] Pulse = Table(phase =>
        Math.Exp(-Square((phase - 0.2) / 0.08)) + 0.35 * Math.Exp(-Square((phase - 0.5) / 0.1)) - 0.25);

    /// <summary>
    /// Adds quasi-periodic cycles of <paramref name="shape"/>: each lasts <paramref name="meanSeconds"/>·exp(N(0, spread))
    /// and reaches <paramref name="amplitude"/>·exp(N(0, spread)).
    /// </summary>
    private static void Cycles(Span<float> destination, double sampleRate, double meanSeconds, double spread,
        SyntheticRandom rng, float[] shape, double amplitude)
    {
        int n = -(int)(rng.Uniform(0, meanSeconds) * sampleRate);
        while (n < destination.Length)
        {
            int length = Math.Max(2, (int)(meanSeconds * Math.Exp(rng.Gaussian(0, spread)) * sampleRate));
            float depth = (float)(amplitude * Math.Exp(rng.Gaussian(0, spread)));
            for (int i = Math.Max(0, -n); i < length && n + i < destination.Length; i++)
                destination[n + i] += depth * shape[(int)((long)i * shape.Length / length)];
            n += length;
        }
    }

    private static float[] Table(Func<double, double> shape) =>
        Enumerable.Range(0, 1024).Select(i => (float)shape(i / 1024.0)).ToArray();

    private static double Square(double x) => x * x;
}
