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
        for (double t = rng.Exponential(20); t < seconds; t += rng.Exponential(20))
        {
            double amplitude = 0.05 * tonicMicrosiemens * Math.Exp(rng.Gaussian(0, 0.5));
            int start = (int)(t * sampleRate), length = Math.Min((int)(20 * sampleRate), destination.Length - start);
            for (int i = 0; i < length; i++)
            {
                double x = i / sampleRate;
                destination[start + i] += (float)(amplitude * 1.6 * (1 - Math.Exp(-x / 0.7)) * Math.Exp(-x / 3));
            }
        }
        // Conductance cannot go below a small positive floor; resistance is its inverse.
        foreach (ref float g in destination) g = Math.Max(g, (float)(0.1 * tonicMicrosiemens));
    }

    /// <summary>Respiration belt, arbitrary units: breaths whose length and depth vary by about 15%, on a wandering baseline.</summary>
    public static void Respiration(Span<float> destination, double sampleRate, double breathsPerMinute, SyntheticRandom rng)
    {
        destination.Clear();
        Cycles(destination, sampleRate, 60 / breathsPerMinute, 0.15, rng, (phase, depth) =>
            depth * 400 * (Math.Sin(2 * Math.PI * phase) + 0.3 * Math.Sin(4 * Math.PI * phase + 0.5)));
        SlowDrift.Add(destination, sampleRate, 0.02, 150, rng);
    }

    /// <summary>Plethysmograph, arbitrary units: a systolic peak and a smaller dicrotic wave each beat, beat length varying by about 4%.</summary>
    public static void Plethysmograph(Span<float> destination, double sampleRate, double heartRateBpm, SyntheticRandom rng)
    {
        destination.Clear();
        Cycles(destination, sampleRate, 60 / heartRateBpm, 0.04, rng, (phase, depth) =>
            depth * 1000 * (Math.Exp(-Square((phase - 0.2) / 0.08)) + 0.35 * Math.Exp(-Square((phase - 0.5) / 0.1)) - 0.25));
        SlowDrift.Add(destination, sampleRate, 0.05, 100, rng);
    }

    /// <summary>Skin temperature in °C: a baseline drifting by a few tenths of a degree, and sensor noise.</summary>
    public static void Temperature(Span<float> destination, double sampleRate, double baselineC, SyntheticRandom rng)
    {
        destination.Fill((float)baselineC);
        SlowDrift.Add(destination, sampleRate, 0.003, 0.2, rng);
        SlowDrift.Add(destination, sampleRate, sampleRate / 4, 0.003, rng);
    }

    /// <summary>Quasi-periodic cycles: each lasts <paramref name="meanSeconds"/>·exp(N(0, spread)) with a depth of exp(N(0, spread)).</summary>
    private static void Cycles(Span<float> destination, double sampleRate, double meanSeconds, double spread,
        SyntheticRandom rng, Func<double, double, double> shape)
    {
        int n = -(int)(rng.Uniform(0, meanSeconds) * sampleRate);
        while (n < destination.Length)
        {
            int length = Math.Max(2, (int)(meanSeconds * Math.Exp(rng.Gaussian(0, spread)) * sampleRate));
            double depth = Math.Exp(rng.Gaussian(0, spread));
            for (int i = Math.Max(0, -n); i < length && n + i < destination.Length; i++)
                destination[n + i] += (float)shape((double)i / length, depth);
            n += length;
        }
    }

    private static double Square(double x) => x * x;
}
