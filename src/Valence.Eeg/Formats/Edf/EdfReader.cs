using System.Buffers;

namespace Valence.Eeg.Formats.Edf;

/// <summary>
/// Reads EDF, EDF+, BDF and BDF+ files: the validated header on opening, then signals, time ranges and annotations
/// on demand, record by record, reading only the bytes asked for.
/// </summary>
/// <remarks>
/// Every malformed input becomes an <see cref="EegFormatException"/> naming the file, the field or byte offset and
/// the reason; the header is checked against the file length before anything is read, so no read goes past the data
/// and no allocation exceeds what the file holds. A record count of −1 (unknown) is replaced by the number of complete
/// records in the file; bytes of a final incomplete record are then left unread and reported in
/// <see cref="IncompleteRecordBytes"/>. A declared record count that disagrees with the file length is refused.
/// Times and sample indices count the records back to back; in EDF+D files use <see cref="ReadTimeline"/> for the
/// true start of each record.
/// </remarks>
public sealed class EdfReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private EdfTimeline? _timeline;

    /// <summary>Opens the file at <paramref name="path"/> and reads its header.</summary>
    /// <exception cref="EegFormatException">The header is malformed or disagrees with the file length.</exception>
    public static EdfReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);
        try
        {
            return new EdfReader(stream, path, ownsStream: true);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the header from a seekable <paramref name="stream"/>; <paramref name="sourceName"/> names it in errors. The stream stays open when the reader is disposed.</summary>
    public EdfReader(Stream stream, string sourceName) : this(stream, sourceName, ownsStream: false)
    {
    }

    private EdfReader(Stream stream, string sourceName, bool ownsStream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (!stream.CanSeek || !stream.CanRead)
            throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        _stream = stream;
        _ownsStream = ownsStream;
        Path = sourceName;

        long length = stream.Length;
        Span<byte> fixedBytes = stackalloc byte[EdfHeaderParser.BlockBytes];
        int got = ReadAt(0, fixedBytes, "header", allowShort: true);
        var head = EdfHeaderParser.ParseFixed(fixedBytes[..got], Path);
        if (head.HeaderBytes > length)
            throw new EegFormatException(Path, "header",
                $"the header declares {head.SignalCount} signals ({head.HeaderBytes} bytes), but the file has only {length} bytes.");
        var header = new byte[head.HeaderBytes];
        fixedBytes.CopyTo(header);
        ReadAt(EdfHeaderParser.BlockBytes, header.AsSpan(EdfHeaderParser.BlockBytes), "signal headers", allowShort: false);
        Header = EdfHeaderParser.Parse(head, header, length, Path, out long incomplete);
        IncompleteRecordBytes = incomplete;
    }

    /// <summary>The file (or source name) the reader reads.</summary>
    public string Path { get; }

    /// <summary>The validated header.</summary>
    public EdfHeader Header { get; }

    /// <summary>Bytes of a final, incomplete data record that were left unread (only when the header's record count was −1), else 0.</summary>
    public long IncompleteRecordBytes { get; }

    /// <summary>Samples of signal <paramref name="signal"/> in the file: records × samples per record.</summary>
    public long SampleCount(int signal) => Header.RecordCount * Signal(signal).SamplesPerRecord;

    /// <summary>Reads a whole signal as physical values.</summary>
    public float[] ReadPhysical(int signal) => ReadPhysical(signal, 0, CheckedLength(signal));

    /// <summary>Reads <paramref name="durationSeconds"/> of a signal from <paramref name="startSeconds"/> (rounded to the nearest samples) as physical values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is negative, not finite or beyond the end of the signal.</exception>
    public float[] ReadPhysicalSeconds(int signal, double startSeconds, double durationSeconds)
    {
        (long first, int count) = SampleRange(signal, startSeconds, durationSeconds);
        return ReadPhysical(signal, first, count);
    }

    /// <summary>Reads <paramref name="count"/> samples of a signal from sample <paramref name="firstSample"/> as physical values.</summary>
    public float[] ReadPhysical(int signal, long firstSample, int count)
    {
        var values = new float[CheckRange(signal, firstSample, count)];
        ReadPhysical([signal], firstSample, count, values);
        return values;
    }

    /// <summary>
    /// Reads <paramref name="count"/> samples from <paramref name="firstSample"/> of several signals that share their
    /// samples per record into <paramref name="destination"/>, signal-major (signals × count), reading each record's
    /// bytes once.
    /// </summary>
    public void ReadPhysical(ReadOnlySpan<int> signals, long firstSample, int count, Span<float> destination)
    {
        CheckSignals(signals, firstSample, count, destination.Length);
        var sink = new PhysicalSink(destination, count, signals, this);
        ReadRange(signals, firstSample, count, ref sink);
    }

    /// <summary>Reads a whole signal's raw digital values (for a BDF Status channel: the 24 trigger and status bits, sign-extended).</summary>
    public int[] ReadDigital(int signal) => ReadDigital(signal, 0, CheckedLength(signal));

    /// <summary>Reads <paramref name="count"/> raw digital values of a signal from sample <paramref name="firstSample"/>.</summary>
    public int[] ReadDigital(int signal, long firstSample, int count)
    {
        var values = new int[CheckRange(signal, firstSample, count)];
        var sink = new DigitalSink(values, Header.BytesPerSample);
        ReadRange([signal], firstSample, count, ref sink);
        return values;
    }

    /// <summary>Each record's start time and the annotations (read once, then kept).</summary>
    /// <exception cref="EegFormatException">An annotation is malformed, a record lacks its time-keeping annotation, or the record times contradict the file type (gaps in EDF+C, records out of order in EDF+D).</exception>
    public EdfTimeline ReadTimeline() => _timeline ??= Header.IsPlus ? ParseTimeline() : RegularTimeline();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsStream) _stream.Dispose();
    }

    private EdfSignalHeader Signal(int signal)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)signal, (uint)Header.Signals.Count, nameof(signal));
        return Header.Signals[signal];
    }

    private int CheckedLength(int signal)
    {
        long samples = SampleCount(signal);
        if (samples > Array.MaxLength)
            throw new InvalidOperationException($"{Path}: signal {signal} has {samples} samples, more than one array can hold; read it in ranges.");
        return (int)samples;
    }

    private (long First, int Count) SampleRange(int signal, double startSeconds, double durationSeconds)
    {
        if (!double.IsFinite(startSeconds) || startSeconds < 0)
            throw new ArgumentOutOfRangeException(nameof(startSeconds), startSeconds, "The start must be zero or positive and finite.");
        if (!double.IsFinite(durationSeconds) || durationSeconds < 0)
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), durationSeconds, "The duration must be zero or positive and finite.");
        double rate = Signal(signal).SampleRate;
        double first = Math.Round(startSeconds * rate), count = Math.Round(durationSeconds * rate);
        if (first + count > SampleCount(signal))
            throw new ArgumentOutOfRangeException(nameof(durationSeconds),
                $"{startSeconds} s + {durationSeconds} s goes beyond the end of signal {signal} ({SampleCount(signal) / rate} s at {rate} Hz).");
        if (count > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), durationSeconds, "More samples than one array can hold.");
        return ((long)first, (int)count);
    }

    private int CheckRange(int signal, long firstSample, int count)
    {
        EdfSignalHeader s = Signal(signal);
        if (s.IsAnnotation)
            throw new ArgumentException($"{Path}: signal {signal} ('{s.Label}') holds annotations, not samples; use ReadTimeline.", nameof(signal));
        ArgumentOutOfRangeException.ThrowIfNegative(firstSample);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (firstSample + count > SampleCount(signal))
            throw new ArgumentOutOfRangeException(nameof(count),
                $"Samples {firstSample}..{firstSample + count} go beyond the {SampleCount(signal)} samples of signal {signal} ('{s.Label}').");
        return count;
    }

    private void CheckSignals(ReadOnlySpan<int> signals, long firstSample, int count, int destinationLength)
    {
        if (signals.IsEmpty) throw new ArgumentException("At least one signal is needed.", nameof(signals));
        int samplesPerRecord = Signal(signals[0]).SamplesPerRecord;
        foreach (int signal in signals)
        {
            CheckRange(signal, firstSample, count);
            if (Header.Signals[signal].SamplesPerRecord != samplesPerRecord)
                throw new ArgumentException(
                    $"{Path}: signals read together must share their samples per record; signal {signal} has {Header.Signals[signal].SamplesPerRecord}, signal {signals[0]} has {samplesPerRecord}.",
                    nameof(signals));
        }
        if (destinationLength != (long)signals.Length * count)
            throw new ArgumentException($"The destination holds {destinationLength} values, not {signals.Length} signals × {count} samples.", "destination");
    }

    /// <summary>Receives one record's bytes of one signal and decodes them into its destination.</summary>
    private interface IRecordSliceSink
    {
        void Accept(int signalPosition, ReadOnlySpan<byte> bytes, int destinationIndex, long record);
    }

    /// <summary>Decodes one signal's digital values.</summary>
    private readonly ref struct DigitalSink(Span<int> destination, int bytesPerSample) : IRecordSliceSink
    {
        private readonly Span<int> _destination = destination;

        public void Accept(int signalPosition, ReadOnlySpan<byte> bytes, int destinationIndex, long record) =>
            EdfSampleCodec.DecodeDigital(bytes, _destination[destinationIndex..], bytesPerSample);
    }

    /// <summary>Decodes physical values into a signal-major destination (signals × stride), refusing values beyond the float range.</summary>
    private readonly ref struct PhysicalSink(Span<float> destination, int stride, ReadOnlySpan<int> signals, EdfReader reader)
        : IRecordSliceSink
    {
        private readonly Span<float> _destination = destination;
        private readonly ReadOnlySpan<int> _signals = signals;

        public void Accept(int signalPosition, ReadOnlySpan<byte> bytes, int destinationIndex, long record)
        {
            EdfSignalHeader signal = reader.Header.Signals[_signals[signalPosition]];
            int bad = EdfSampleCodec.DecodePhysical(bytes, _destination[(signalPosition * stride + destinationIndex)..],
                reader.Header.BytesPerSample, signal);
            if (bad >= 0)
                throw new EegFormatException(reader.Path, $"data record {record}, signal {signal.Index} '{signal.Label}'",
                    $"a sample scales to {_destination[signalPosition * stride + destinationIndex + bad]}: the physical range {signal.PhysicalMinimum}..{signal.PhysicalMaximum} over digital {signal.DigitalMinimum}..{signal.DigitalMaximum} gives values beyond what a float holds.");
        }
    }

    /// <summary>
    /// Reads samples [first, first + count) of each signal (all with the same samples per record), one record at a
    /// time: from each record only the byte span from the first wanted sample of the first signal to the last wanted
    /// sample of the last signal — for one signal exactly the bytes needed.
    /// </summary>
    private void ReadRange<TSink>(scoped ReadOnlySpan<int> signals, long first, int count, ref TSink sink)
        where TSink : IRecordSliceSink, allows ref struct
    {
        if (count == 0) return;
        int bytesPerSample = Header.BytesPerSample;
        int samplesPerRecord = Header.Signals[signals[0]].SamplesPerRecord;
        int lowest = int.MaxValue, highest = 0;
        foreach (int s in signals)
        {
            lowest = Math.Min(lowest, Header.Signals[s].ByteOffsetInRecord);
            highest = Math.Max(highest, Header.Signals[s].ByteOffsetInRecord);
        }
        long firstRecord = first / samplesPerRecord, lastRecord = (first + count - 1) / samplesPerRecord;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(highest - lowest + samplesPerRecord * bytesPerSample);
        try
        {
            for (long record = firstRecord; record <= lastRecord; record++)
            {
                int from = record == firstRecord ? (int)(first % samplesPerRecord) : 0;
                int to = record == lastRecord ? (int)((first + count - 1) % samplesPerRecord) + 1 : samplesPerRecord;
                int spanStart = lowest + from * bytesPerSample;
                int spanBytes = highest - lowest + (to - from) * bytesPerSample;
                long recordStart = Header.HeaderBytes + record * Header.RecordBytes;
                Span<byte> bytes = buffer.AsSpan(0, spanBytes);
                ReadAt(recordStart + spanStart, bytes, $"data record {record}", allowShort: false);
                int destinationIndex = (int)(record * samplesPerRecord + from - first);
                for (int k = 0; k < signals.Length; k++)
                {
                    int offset = Header.Signals[signals[k]].ByteOffsetInRecord - lowest;
                    sink.Accept(k, bytes.Slice(offset, (to - from) * bytesPerSample), destinationIndex, record);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private EdfTimeline RegularTimeline()
    {
        var starts = new double[Header.RecordCount];
        for (long r = 0; r < starts.Length; r++) starts[r] = r * Header.RecordDurationSeconds;
        return new EdfTimeline(starts, []);
    }

    private EdfTimeline ParseTimeline()
    {
        var annotationSignals = Header.Signals.Where(s => s.IsAnnotation).ToArray();
        var starts = new double[Header.RecordCount];
        var annotations = new List<EdfAnnotation>();
        byte[] buffer = new byte[annotationSignals.Max(s => s.SamplesPerRecord) * Header.BytesPerSample];
        for (long record = 0; record < starts.Length; record++)
        {
            for (int k = 0; k < annotationSignals.Length; k++)
            {
                EdfSignalHeader signal = annotationSignals[k];
                long offset = Header.HeaderBytes + record * Header.RecordBytes + signal.ByteOffsetInRecord;
                Span<byte> bytes = buffer.AsSpan(0, signal.SamplesPerRecord * Header.BytesPerSample);
                string place = $"data record {record}, signal {signal.Index} '{signal.Label}'";
                ReadAt(offset, bytes, place, allowShort: false);
                double? start = EdfAnnotationParser.ParseRecord(bytes, keepsTime: k == 0, annotations, Path, place, offset);
                if (start is double s) starts[record] = s;
            }
            CheckRecordStart(starts, record);
        }
        return new EdfTimeline(starts, annotations);
    }

    /// <summary>
    /// EDF+C records follow each other exactly; EDF+D records may leave gaps but must not overlap. Records of an
    /// annotation-only file may last 0 s, and then their starts say nothing about each other.
    /// </summary>
    private void CheckRecordStart(double[] starts, long record)
    {
        double duration = Header.RecordDurationSeconds;
        if (record == 0 || duration == 0) return;
        const double tolerance = 1e-6;
        double expected = starts[0] + record * duration;
        if (!Header.IsDiscontinuous && Math.Abs(starts[record] - expected) > tolerance)
            throw new EegFormatException(Path, $"data record {record}",
                $"the time-keeping annotation says the record starts at {starts[record]} s, but in a continuous ({Header.Reserved}) file it must start at {expected} s.");
        if (Header.IsDiscontinuous && starts[record] < starts[record - 1] + duration - tolerance)
            throw new EegFormatException(Path, $"data record {record}",
                $"the record starts at {starts[record]} s, before the previous record ends ({starts[record - 1]} s + {duration} s).");
    }

    /// <summary>Reads <paramref name="destination"/>.Length bytes at <paramref name="offset"/>; a short read means the file changed or ended.</summary>
    private int ReadAt(long offset, Span<byte> destination, string place, bool allowShort)
    {
        _stream.Position = offset;
        int got = _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        if (got < destination.Length && !allowShort)
            throw new EegFormatException(Path, $"{place} (byte {offset + got})",
                $"the file ended after {got} of {destination.Length} bytes; was it changed while being read?");
        return got;
    }
}
