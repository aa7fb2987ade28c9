namespace Valence.Eeg.Recordings;

/// <summary>One signal channel of a continuous recording: its label, physical unit, transducer and samples.</summary>
public sealed class RawChannel
{
    private readonly float[] _samples;

    /// <summary>Creates the channel; <paramref name="samples"/> is kept, not copied.</summary>
    /// <param name="unit">Physical dimension as a BDF header holds it (ASCII, e.g. "uV", "Ohm", "nS", "degC").</param>
    /// <exception cref="ArgumentException">The label is empty, or a sample is NaN or infinite.</exception>
    public RawChannel(string label, string unit, string transducer, float[] samples)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(transducer);
        ArgumentNullException.ThrowIfNull(samples);
        for (int i = 0; i < samples.Length; i++)
            if (!float.IsFinite(samples[i]))
                throw new ArgumentException($"Channel '{label}': sample {i} is {samples[i]}; samples must be finite.", nameof(samples));
        Label = label;
        Unit = unit;
        Transducer = transducer;
        _samples = samples;
    }

    /// <summary>The channel's label (e.g. "Fp1", "EXG1", "GSR1").</summary>
    public string Label { get; }

    /// <summary>Physical unit of the samples.</summary>
    public string Unit { get; }

    /// <summary>What recorded it (e.g. "Active Electrode").</summary>
    public string Transducer { get; }

    /// <summary>The samples, in <see cref="Unit"/>.</summary>
    public ReadOnlySpan<float> Samples => _samples;

    /// <summary>Number of samples.</summary>
    public int Length => _samples.Length;

    /// <inheritdoc />
    public override string ToString() => $"{Label} [{Unit}], {Length} samples";
}
