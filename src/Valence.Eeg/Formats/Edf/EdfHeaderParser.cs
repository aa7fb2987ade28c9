using System.Globalization;
using System.Text;

namespace Valence.Eeg.Formats.Edf;

/// <summary>
/// Parses and validates EDF/BDF headers. The fixed part is parsed first (it says how many signals follow), so the
/// caller can check that the signal headers fit in the file before it reads them.
/// </summary>
internal static class EdfHeaderParser
{
    /// <summary>Bytes in the fixed part of the header, and in each signal's part.</summary>
    public const int BlockBytes = 256;

    /// <summary>The most signals the 4-character field can hold.</summary>
    public const int MaxSignals = 9999;

    private const string EdfAnnotationLabel = "EDF Annotations";
    private const string BdfAnnotationLabel = "BDF Annotations";
    private static readonly byte[] BdfVersion = [0xFF, (byte)'B', (byte)'I', (byte)'O', (byte)'S', (byte)'E', (byte)'M', (byte)'I'];

    /// <summary>The fixed 256 bytes, parsed; the signal headers are still to come.</summary>
    public readonly record struct FixedPart(EdfFormat Format, string PatientId, string RecordingId, DateTime StartTime,
        int HeaderBytes, string Reserved, bool IsPlus, bool IsDiscontinuous, long RecordCount, double RecordDurationSeconds,
        int SignalCount);

    /// <summary>The widths of the per-signal fields, in the order the header stores them (each as one column of all signals).</summary>
    private static readonly (string Name, int Width)[] SignalFields =
    [
        ("label", 16), ("transducer type", 80), ("physical dimension", 8), ("physical minimum", 8),
        ("physical maximum", 8), ("digital minimum", 8), ("digital maximum", 8), ("prefiltering", 80),
        ("samples per record", 8), ("reserved", 32),
    ];

    /// <summary>Parses the fixed part, <paramref name="bytes"/> being the file's first 256 bytes.</summary>
    public static FixedPart ParseFixed(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < BlockBytes)
            throw new EegFormatException(path, "header", $"the file has {bytes.Length} bytes, fewer than the {BlockBytes} of an EDF/BDF header.");

        EdfFormat format = ParseVersion(bytes[..8], path);
        string patient = Text(bytes, 8, 80, "local patient identification", path);
        string recording = Text(bytes, 88, 80, "local recording identification", path);
        DateTime start = ParseStart(bytes, path);
        long headerBytes = Integer(bytes, 184, 8, "number of bytes in header", path);
        string reserved = Text(bytes, 192, 44, "reserved", path);
        (bool isPlus, bool isDiscontinuous) = ParseReserved(format, reserved, path);
        long recordCount = Integer(bytes, 236, 8, "number of data records", path);
        if (recordCount < -1)
            throw Field(path, "number of data records", 236, $"{recordCount} is neither a count nor −1 (unknown).");
        double duration = Real(bytes, 244, 8, "duration of a data record", path);
        if (duration < 0)
            throw Field(path, "duration of a data record", 244, $"{duration} s is negative.");
        long signalCount = Integer(bytes, 252, 4, "number of signals", path);
        if (signalCount < 1)
            throw Field(path, "number of signals", 252, $"{signalCount}: a file needs at least one signal.");
        long expectedHeader = BlockBytes * (signalCount + 1);
        if (headerBytes != expectedHeader)
            throw Field(path, "number of bytes in header", 184,
                $"{headerBytes}, but {signalCount} signals make a header of 256·({signalCount} + 1) = {expectedHeader} bytes.");

        return new FixedPart(format, patient, recording, start, (int)headerBytes, reserved, isPlus, isDiscontinuous,
            recordCount, duration, (int)signalCount);
    }

    /// <summary>
    /// Parses the signal headers (<paramref name="header"/>: the whole header, 256·(ns + 1) bytes) and checks the file
    /// length against the records the header promises.
    /// </summary>
    /// <param name="incompleteRecordBytes">Bytes of a final, incomplete record that are left unread; only possible when the record count was −1.</param>
    public static EdfHeader Parse(in FixedPart head, ReadOnlySpan<byte> header, long fileLength, string path,
        out long incompleteRecordBytes)
    {
        int ns = head.SignalCount;
        if (header.Length != head.HeaderBytes)
            throw new EegFormatException(path, "signal headers", $"{header.Length} header bytes, not the {head.HeaderBytes} that {ns} signals need.");

        var columns = new int[SignalFields.Length];
        columns[0] = BlockBytes;
        for (int f = 1; f < SignalFields.Length; f++) columns[f] = columns[f - 1] + SignalFields[f - 1].Width * ns;

        (int min, int max) digitalLimits = head.Format == EdfFormat.Bdf ? (-8388608, 8388607) : (short.MinValue, short.MaxValue);
        int bytesPerSample = head.Format == EdfFormat.Bdf ? 3 : 2;
        var signals = new EdfSignalHeader[ns];
        long recordBytes = 0;
        for (int i = 0; i < ns; i++)
        {
            var fields = new SignalFieldReader(header, columns, i, path);
            string label = fields.Text(0);
            bool isAnnotation = head.IsPlus && label is EdfAnnotationLabel or BdfAnnotationLabel;
            double physicalMinimum = fields.Real(3);
            double physicalMaximum = fields.Real(4);
            long digitalMinimum = fields.Integer(5);
            long digitalMaximum = fields.Integer(6);
            long samplesPerRecord = fields.Integer(8);

            if (digitalMinimum < digitalLimits.min || digitalMinimum > digitalLimits.max)
                throw fields.Error(5, $"{digitalMinimum} is outside the {head.Format} sample range {digitalLimits.min}..{digitalLimits.max}.");
            if (digitalMaximum < digitalLimits.min || digitalMaximum > digitalLimits.max)
                throw fields.Error(6, $"{digitalMaximum} is outside the {head.Format} sample range {digitalLimits.min}..{digitalLimits.max}.");
            if (digitalMinimum >= digitalMaximum)
                throw fields.Error(6, $"the digital maximum {digitalMaximum} is not above the digital minimum {digitalMinimum}.");
            if (physicalMinimum == physicalMaximum)
                throw fields.Error(4, $"the physical maximum equals the physical minimum ({physicalMinimum}), so no scale follows.");
            if (samplesPerRecord < 1)
                throw fields.Error(8, $"{samplesPerRecord}: every signal needs at least one sample per record.");

            signals[i] = new EdfSignalHeader(i, label, fields.Text(1), fields.Text(2), physicalMinimum, physicalMaximum,
                (int)digitalMinimum, (int)digitalMaximum, fields.Text(7), (int)samplesPerRecord, fields.Text(9),
                head.RecordDurationSeconds, (int)recordBytes, isAnnotation);
            recordBytes += samplesPerRecord * bytesPerSample;
            if (recordBytes > int.MaxValue)
                throw fields.Error(8, $"the signals' samples per record add up to a record of more than {int.MaxValue} bytes.");
        }

        CheckAnnotationSignals(head, signals, path);
        long recordCount = CheckFileLength(head, (int)recordBytes, fileLength, path, out incompleteRecordBytes);
        return new EdfHeader(head.Format, head.PatientId, head.RecordingId, head.StartTime, head.HeaderBytes, head.Reserved,
            head.IsPlus, head.IsDiscontinuous, recordCount, head.RecordCount == -1, head.RecordDurationSeconds, signals,
            (int)recordBytes);
    }

    private static void CheckAnnotationSignals(in FixedPart head, EdfSignalHeader[] signals, string path)
    {
        if (head.IsPlus && !signals.Any(s => s.IsAnnotation))
            throw new EegFormatException(path, "signal headers",
                $"the reserved field says {head.Reserved}, but no signal is labelled '{EdfAnnotationLabel}' or '{BdfAnnotationLabel}'.");
        if (head.RecordDurationSeconds == 0 && signals.Any(s => !s.IsAnnotation))
            throw Field(path, "duration of a data record", 244,
                "0 s is allowed only when every signal is an annotation signal; signals with samples need records that last.");
    }

    private static long CheckFileLength(in FixedPart head, int recordBytes, long fileLength, string path, out long incompleteRecordBytes)
    {
        long dataBytes = fileLength - head.HeaderBytes;
        long completeRecords = dataBytes / recordBytes;
        long remainder = dataBytes % recordBytes;
        if (head.RecordCount == -1)
        {
            incompleteRecordBytes = remainder;
            return completeRecords;
        }

        incompleteRecordBytes = 0;
        if (completeRecords < head.RecordCount)
            throw new EegFormatException(path, $"data record {completeRecords} (byte {head.HeaderBytes + completeRecords * recordBytes})",
                $"the file is truncated: the header promises {head.RecordCount} records of {recordBytes} bytes, but the file holds {completeRecords} complete records"
                + (remainder > 0 ? $" and {remainder} bytes of the next." : "."));
        if (completeRecords > head.RecordCount || remainder > 0)
        {
            long end = head.HeaderBytes + head.RecordCount * recordBytes;
            throw new EegFormatException(path, $"byte {end}",
                $"{fileLength - end} bytes follow the last of the {head.RecordCount} data records the header declares.");
        }
        return head.RecordCount;
    }

    private static EdfFormat ParseVersion(ReadOnlySpan<byte> version, string path)
    {
        if (version.SequenceEqual(BdfVersion)) return EdfFormat.Bdf;
        if (version[0] == (byte)'0' && version[1..].IndexOfAnyExcept((byte)' ') < 0) return EdfFormat.Edf;
        throw Field(path, "version", 0,
            $"the first 8 bytes ({Convert.ToHexString(version)}) are neither \"0\" and spaces (EDF) nor 0xFF + \"BIOSEMI\" (BDF).");
    }

    private static (bool IsPlus, bool IsDiscontinuous) ParseReserved(EdfFormat format, string reserved, string path)
    {
        string own = format == EdfFormat.Bdf ? "BDF+" : "EDF+";
        string other = format == EdfFormat.Bdf ? "EDF+" : "BDF+";
        if (reserved.StartsWith(other, StringComparison.Ordinal))
            throw Field(path, "reserved", 192, $"'{reserved}' names the other format than the version field ({format}).");
        if (!reserved.StartsWith(own, StringComparison.Ordinal)) return (false, false);
        return reserved[own.Length..] switch
        {
            "C" => (true, false),
            "D" => (true, true),
            _ => throw Field(path, "reserved", 192, $"'{reserved}': after '{own}' only C (continuous) or D (discontinuous) may follow."),
        };
    }

    private static DateTime ParseStart(ReadOnlySpan<byte> bytes, string path)
    {
        (int day, int month, int yy) = Triplet(bytes, 168, "start date (dd.mm.yy)", path);
        (int hour, int minute, int second) = Triplet(bytes, 176, "start time (hh.mm.ss)", path);
        int year = yy >= 85 ? 1900 + yy : 2000 + yy;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            throw Field(path, "start date (dd.mm.yy)", 168, $"{day:00}.{month:00}.{yy:00} is not a date.");
        if (hour > 23 || minute > 59 || second > 59)
            throw Field(path, "start time (hh.mm.ss)", 176, $"{hour:00}.{minute:00}.{second:00} is not a time of day.");
        return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
    }

    /// <summary>Reads "nn.nn.nn" (the date and time fields): three two-digit numbers separated by dots.</summary>
    private static (int, int, int) Triplet(ReadOnlySpan<byte> bytes, int offset, string name, string path)
    {
        ReadOnlySpan<byte> f = bytes.Slice(offset, 8);
        if (f[2] != (byte)'.' || f[5] != (byte)'.' || !IsDigits(f[..2]) || !IsDigits(f.Slice(3, 2)) || !IsDigits(f[6..]))
            throw Field(path, name, offset, $"'{Printable(f)}' is not of the form nn.nn.nn.");
        return (Two(f[..2]), Two(f.Slice(3, 2)), Two(f[6..]));

        static bool IsDigits(ReadOnlySpan<byte> s) => s.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
        static int Two(ReadOnlySpan<byte> s) => (s[0] - '0') * 10 + (s[1] - '0');
    }

    /// <summary>Reads a text field: printable ASCII only (as the specification requires), trailing spaces removed.</summary>
    internal static string Text(ReadOnlySpan<byte> bytes, int offset, int width, string name, string path)
    {
        ReadOnlySpan<byte> f = bytes.Slice(offset, width);
        int bad = f.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
        if (bad >= 0)
            throw Field(path, name, offset + bad, $"byte 0x{f[bad]:X2} is not printable ASCII, which EDF header fields must be.");
        return Encoding.ASCII.GetString(f).TrimEnd(' ');
    }

    /// <summary>Reads an integer field strictly: optional spaces around an optional sign and digits, nothing else.</summary>
    internal static long Integer(ReadOnlySpan<byte> bytes, int offset, int width, string name, string path)
    {
        string text = Text(bytes, offset, width, name, path).Trim(' ');
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw Field(path, name, offset, $"'{text}' is not an integer.");
        return value;
    }

    /// <summary>Reads a decimal number field strictly: sign, digits, decimal point and exponent allowed; it must be finite.</summary>
    internal static double Real(ReadOnlySpan<byte> bytes, int offset, int width, string name, string path)
    {
        string text = Text(bytes, offset, width, name, path).Trim(' ');
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw Field(path, name, offset, $"'{text}' is not a finite decimal number.");
        return value;
    }

    internal static EegFormatException Field(string path, string name, long offset, string reason) =>
        new(path, $"header field '{name}' (byte {offset})", reason);

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (byte b in bytes) text.Append(b is >= 0x20 and <= 0x7E ? (char)b : '?');
        return text.ToString();
    }

    /// <summary>Reads one signal's fields from the column-wise signal headers (offsets from the start of the file) and names the signal in errors.</summary>
    private readonly ref struct SignalFieldReader(ReadOnlySpan<byte> bytes, int[] columns, int signal, string path)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public string Text(int field) =>
            EdfHeaderParser.Text(_bytes, Offset(field), SignalFields[field].Width, Name(field), path);

        public long Integer(int field) =>
            EdfHeaderParser.Integer(_bytes, Offset(field), SignalFields[field].Width, Name(field), path);

        public double Real(int field) =>
            EdfHeaderParser.Real(_bytes, Offset(field), SignalFields[field].Width, Name(field), path);

        public EegFormatException Error(int field, string reason) =>
            Field(path, Name(field), Offset(field), reason);

        private int Offset(int field) => columns[field] + signal * SignalFields[field].Width;

        private string Name(int field) => $"signal {signal} {SignalFields[field].Name}";
    }
}
