namespace Valence.Eeg.Formats.Edf;

/// <summary>The validated header of an EDF, EDF+, BDF or BDF+ file: the fixed 256 bytes and every signal's part.</summary>
public sealed class EdfHeader
{
    internal EdfHeader(EdfFormat format, string patientId, string recordingId, DateTime startTime, int headerBytes,
        string reserved, bool isPlus, bool isDiscontinuous, long recordCount, bool recordCountWasUnknown,
        double recordDurationSeconds, IReadOnlyList<EdfSignalHeader> signals, int recordBytes)
    {
        Format = format;
        PatientId = patientId;
        RecordingId = recordingId;
        StartTime = startTime;
        HeaderBytes = headerBytes;
        Reserved = reserved;
        IsPlus = isPlus;
        IsDiscontinuous = isDiscontinuous;
        RecordCount = recordCount;
        RecordCountWasUnknown = recordCountWasUnknown;
        RecordDurationSeconds = recordDurationSeconds;
        Signals = signals;
        RecordBytes = recordBytes;
    }

    /// <summary>EDF (16-bit samples) or BDF (24-bit samples).</summary>
    public EdfFormat Format { get; }

    /// <summary>Bytes per sample: 2 for EDF, 3 for BDF.</summary>
    public int BytesPerSample => Format == EdfFormat.Bdf ? 3 : 2;

    /// <summary>The local patient identification, trailing spaces removed.</summary>
    public string PatientId { get; }

    /// <summary>The local recording identification, trailing spaces removed.</summary>
    public string RecordingId { get; }

    /// <summary>Start of the recording (local clock, second resolution). Two-digit years 85–99 are 1985–1999, 00–84 are 2000–2084, as the EDF specification says.</summary>
    public DateTime StartTime { get; }

    /// <summary>Bytes in the header: 256·(signals + 1).</summary>
    public int HeaderBytes { get; }

    /// <summary>The 44-byte reserved field, trailing spaces removed ("EDF+C", "EDF+D", "BDF+C", "BDF+D", "24BIT", or empty).</summary>
    public string Reserved { get; }

    /// <summary>True for EDF+ and BDF+ (the reserved field starts with "EDF+" or "BDF+").</summary>
    public bool IsPlus { get; }

    /// <summary>True for EDF+D/BDF+D: data records need not follow each other; their start times come from the time-keeping annotations.</summary>
    public bool IsDiscontinuous { get; }

    /// <summary>Number of complete data records. When the header said −1 (unknown), the count derived from the file length.</summary>
    public long RecordCount { get; }

    /// <summary>True when the header's record count was −1 and <see cref="RecordCount"/> was derived from the file length.</summary>
    public bool RecordCountWasUnknown { get; }

    /// <summary>Duration of one data record, in seconds (0 only in files that hold nothing but annotations).</summary>
    public double RecordDurationSeconds { get; }

    /// <summary>The signals, in file order (annotation signals included).</summary>
    public IReadOnlyList<EdfSignalHeader> Signals { get; }

    /// <summary>Bytes in one data record: the sum over signals of samples per record × bytes per sample.</summary>
    public int RecordBytes { get; }

    /// <summary>The index of the first signal labelled <paramref name="label"/> (ordinal, case-insensitive, trailing spaces ignored), or −1.</summary>
    public int IndexOf(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        string wanted = label.TrimEnd(' ');
        for (int i = 0; i < Signals.Count; i++)
            if (string.Equals(Signals[i].Label, wanted, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{(IsPlus ? Format + "+" + (IsDiscontinuous ? "D" : "C") : Format.ToString())}: {Signals.Count} signals, {RecordCount} records of {RecordDurationSeconds} s, started {StartTime:yyyy-MM-dd HH:mm:ss}";
}
