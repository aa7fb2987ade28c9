namespace Valence.Eeg.Formats.Edf;

/// <summary>
/// One signal's part of an EDF/BDF header, validated: its label, units, ranges and how many samples it has in each
/// data record.
/// </summary>
/// <remarks>
/// A digital value d becomes the physical value
/// <c>physMin + (d − digMin)·(physMax − physMin)/(digMax − digMin)</c>. A physical maximum below the minimum is
/// allowed (the format's way of inverting polarity); equal ones are not.
/// </remarks>
public sealed class EdfSignalHeader
{
    internal EdfSignalHeader(int index, string label, string transducerType, string physicalDimension,
        double physicalMinimum, double physicalMaximum, int digitalMinimum, int digitalMaximum, string prefiltering,
        int samplesPerRecord, string reserved, double recordDurationSeconds, int byteOffsetInRecord, bool isAnnotation)
    {
        Index = index;
        Label = label;
        TransducerType = transducerType;
        PhysicalDimension = physicalDimension;
        PhysicalMinimum = physicalMinimum;
        PhysicalMaximum = physicalMaximum;
        DigitalMinimum = digitalMinimum;
        DigitalMaximum = digitalMaximum;
        Prefiltering = prefiltering;
        SamplesPerRecord = samplesPerRecord;
        Reserved = reserved;
        RecordDurationSeconds = recordDurationSeconds;
        ByteOffsetInRecord = byteOffsetInRecord;
        IsAnnotation = isAnnotation;
    }

    /// <summary>Position of the signal in the file (0-based).</summary>
    public int Index { get; }

    /// <summary>The label, trailing spaces removed (for example "Fp1", "Status" or "EDF Annotations").</summary>
    public string Label { get; }

    /// <summary>The transducer type, trailing spaces removed.</summary>
    public string TransducerType { get; }

    /// <summary>The physical dimension (unit), trailing spaces removed, for example "uV".</summary>
    public string PhysicalDimension { get; }

    /// <summary>The physical value of <see cref="DigitalMinimum"/>.</summary>
    public double PhysicalMinimum { get; }

    /// <summary>The physical value of <see cref="DigitalMaximum"/>.</summary>
    public double PhysicalMaximum { get; }

    /// <summary>The smallest digital value, below <see cref="DigitalMaximum"/>.</summary>
    public int DigitalMinimum { get; }

    /// <summary>The largest digital value.</summary>
    public int DigitalMaximum { get; }

    /// <summary>The prefiltering text, trailing spaces removed, for example "HP:0.1Hz LP:75Hz".</summary>
    public string Prefiltering { get; }

    /// <summary>Samples of this signal in each data record (at least 1).</summary>
    public int SamplesPerRecord { get; }

    /// <summary>The signal's reserved field, trailing spaces removed.</summary>
    public string Reserved { get; }

    /// <summary>True for an EDF+/BDF+ annotation signal ("EDF Annotations" or "BDF Annotations"), whose bytes are text, not samples.</summary>
    public bool IsAnnotation { get; }

    /// <summary>Samples per second, in Hz: <see cref="SamplesPerRecord"/> divided by the record duration (0 when records last 0 s).</summary>
    public double SampleRate => RecordDurationSeconds > 0 ? SamplesPerRecord / RecordDurationSeconds : 0;

    /// <summary>Physical units per digital step: (physMax − physMin)/(digMax − digMin).</summary>
    public double Gain => (PhysicalMaximum - PhysicalMinimum) / ((double)DigitalMaximum - DigitalMinimum);

    /// <summary>The physical value of the digital value <paramref name="digital"/>.</summary>
    public double ToPhysical(int digital) => PhysicalMinimum + ((double)digital - DigitalMinimum) * Gain;

    internal double RecordDurationSeconds { get; }

    /// <summary>Where this signal's samples start inside a data record, in bytes.</summary>
    internal int ByteOffsetInRecord { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"signal {Index} '{Label}': {SamplesPerRecord} samples/record, {PhysicalMinimum}..{PhysicalMaximum} {PhysicalDimension}, digital {DigitalMinimum}..{DigitalMaximum}";
}
