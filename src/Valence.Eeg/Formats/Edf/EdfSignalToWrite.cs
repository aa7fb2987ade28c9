namespace Valence.Eeg.Formats.Edf;

/// <summary>One signal for <see cref="EdfWriter"/>: physical values with the ranges that map them to digital samples.</summary>
/// <param name="Label">Up to 16 printable ASCII characters, for example "Fp1" or "Status".</param>
/// <param name="PhysicalDimension">The unit, up to 8 printable ASCII characters, for example "uV".</param>
/// <param name="PhysicalMinimum">The physical value of <paramref name="DigitalMinimum"/> (written in at most 8 characters, so it may be rounded; the written value is the one used).</param>
/// <param name="PhysicalMaximum">The physical value of <paramref name="DigitalMaximum"/>; must differ from the minimum.</param>
/// <param name="DigitalMinimum">Smallest digital value, within the format's sample range.</param>
/// <param name="DigitalMaximum">Largest digital value, above the minimum and within the format's sample range.</param>
/// <param name="SampleRate">Samples per second, in Hz; rate × record duration must be a whole number of samples.</param>
/// <param name="Samples">The physical values, a whole number of records long, all finite.</param>
public sealed record EdfSignalToWrite(string Label, string PhysicalDimension, double PhysicalMinimum, double PhysicalMaximum,
    int DigitalMinimum, int DigitalMaximum, double SampleRate, ReadOnlyMemory<float> Samples)
{
    /// <summary>The transducer type, up to 80 printable ASCII characters.</summary>
    public string TransducerType { get; init; } = "";

    /// <summary>The prefiltering text, up to 80 printable ASCII characters, for example "HP:0.1Hz LP:75Hz".</summary>
    public string Prefiltering { get; init; } = "";
}
