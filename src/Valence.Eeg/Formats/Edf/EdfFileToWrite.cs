namespace Valence.Eeg.Formats.Edf;

/// <summary>What <see cref="EdfWriter"/> writes: the format, the identification fields, the start, the record duration and the signals.</summary>
/// <param name="Format">EDF (16-bit samples) or BDF (24-bit samples, reserved field "24BIT" as BioSemi writes it).</param>
/// <param name="StartTime">Start of the recording, between 1985 and 2084 (the header keeps a two-digit year) at second resolution.</param>
/// <param name="RecordDurationSeconds">Duration of one data record, positive; written in at most 8 characters.</param>
public sealed record EdfFileToWrite(EdfFormat Format, DateTime StartTime, double RecordDurationSeconds,
    IReadOnlyList<EdfSignalToWrite> Signals)
{
    /// <summary>The local patient identification, up to 80 printable ASCII characters.</summary>
    public string PatientId { get; init; } = "";

    /// <summary>The local recording identification, up to 80 printable ASCII characters.</summary>
    public string RecordingId { get; init; } = "";
}
