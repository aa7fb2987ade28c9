using System.Globalization;
using System.Text;
using Valence.IO;

namespace Valence.Eeg.Formats.Edf;

/// <summary>
/// Writes plain EDF (16-bit) and BDF (24-bit) files from physical values, atomically: a temporary file in the same
/// folder, renamed over the target only when complete.
/// </summary>
/// <remarks>
/// Each physical value p becomes the digital value <c>digMin + (p − physMin)·(digMax − digMin)/(physMax − physMin)</c>
/// rounded to the nearest integer (ties to even), using the physical range as written in the header (8 characters,
/// so possibly rounded), so that a reader recovers each value to within half a digital step. Values whose digital
/// value falls outside the digital range are clipped to its nearest end and counted in
/// <see cref="EdfWriteResult.ClippedSamples"/>: clipping is reported, not refused, because a synthetic artefact that
/// saturates the amplifier is legitimate data, and callers who want none can check the count. NaN and infinities
/// are refused. Annotations (EDF+/BDF+) are not written.
/// </remarks>
public static class EdfWriter
{
    /// <summary>Writes <paramref name="file"/> to <paramref name="path"/>, replacing any file there.</summary>
    /// <exception cref="ArgumentException">A field does not fit or is not printable ASCII, a range is empty, a rate does not give whole samples per record, signals disagree in length, or a value is not finite.</exception>
    public static EdfWriteResult Write(string path, EdfFileToWrite file)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(file);
        var plan = EdfWritePlan.Create(file);
        var clipped = new long[file.Signals.Count];
        AtomicFile.Write(path, stream =>
        {
            stream.Write(plan.Header);
            WriteRecords(stream, plan, clipped);
        });
        return new EdfWriteResult(clipped);
    }

    private static void WriteRecords(Stream stream, EdfWritePlan plan, long[] clipped)
    {
        int bytesPerSample = plan.Format == EdfFormat.Bdf ? 3 : 2;
        var record = new byte[plan.RecordBytes];
        var digital = new int[plan.SamplesPerRecord.Max()];
        for (long r = 0; r < plan.RecordCount; r++)
        {
            int offset = 0;
            for (int s = 0; s < plan.Signals.Count; s++)
            {
                int n = plan.SamplesPerRecord[s];
                ReadOnlySpan<float> values = plan.Signals[s].Samples.Span.Slice((int)(r * n), n);
                clipped[s] += ToDigital(values, digital.AsSpan(0, n), plan.Ranges[s]);
                EdfSampleCodec.EncodeDigital(digital.AsSpan(0, n), record.AsSpan(offset, n * bytesPerSample), bytesPerSample);
                offset += n * bytesPerSample;
            }
            stream.Write(record);
        }
    }

    /// <summary>Converts physical values to digital ones, clipping to the digital range; returns how many were clipped.</summary>
    private static int ToDigital(ReadOnlySpan<float> values, Span<int> digital, in EdfWritePlan.Range range)
    {
        double scale = ((double)range.DigitalMaximum - range.DigitalMinimum) / (range.PhysicalMaximum - range.PhysicalMinimum);
        int clipped = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double d = Math.Round(range.DigitalMinimum + (values[i] - range.PhysicalMinimum) * scale);
            if (d < range.DigitalMinimum) { d = range.DigitalMinimum; clipped++; }
            else if (d > range.DigitalMaximum) { d = range.DigitalMaximum; clipped++; }
            digital[i] = (int)d;
        }
        return clipped;
    }

    /// <summary>The checked header bytes and the per-signal numbers the records are written with.</summary>
    private sealed class EdfWritePlan
    {
        public readonly record struct Range(double PhysicalMinimum, double PhysicalMaximum, int DigitalMinimum, int DigitalMaximum);

        public required EdfFormat Format { get; init; }
        public required byte[] Header { get; init; }
        public required IReadOnlyList<EdfSignalToWrite> Signals { get; init; }
        public required int[] SamplesPerRecord { get; init; }
        public required Range[] Ranges { get; init; }
        public required long RecordCount { get; init; }
        public required int RecordBytes { get; init; }

        public static EdfWritePlan Create(EdfFileToWrite file)
        {
            var signals = file.Signals;
            if (signals.Count is < 1 or > EdfHeaderParser.MaxSignals)
                throw new ArgumentException($"A file needs 1 to {EdfHeaderParser.MaxSignals} signals, not {signals.Count}.", nameof(file));
            if (file.StartTime.Year is < 1985 or > 2084)
                throw new ArgumentException($"The start {file.StartTime:yyyy-MM-dd} is outside 1985–2084, which a two-digit year cannot say.", nameof(file));
            if (!double.IsFinite(file.RecordDurationSeconds) || file.RecordDurationSeconds <= 0)
                throw new ArgumentException($"The record duration must be positive and finite, not {file.RecordDurationSeconds}.", nameof(file));

            var header = new HeaderBuilder(signals.Count);
            header.Put(file.Format == EdfFormat.Bdf ? "\u00FFBIOSEMI" : "0", 8, "version", latin1: true);
            header.Put(file.PatientId, 80, "patient id");
            header.Put(file.RecordingId, 80, "recording id");
            header.Put(file.StartTime.ToString("dd.MM.yy", CultureInfo.InvariantCulture), 8, "start date");
            header.Put(file.StartTime.ToString("HH.mm.ss", CultureInfo.InvariantCulture), 8, "start time");
            header.Put((256 * (signals.Count + 1)).ToString(CultureInfo.InvariantCulture), 8, "header bytes");
            header.Put(file.Format == EdfFormat.Bdf ? "24BIT" : "", 44, "reserved");
            int recordCountAt = header.Position;
            header.Put("", 8, "record count");
            double duration = header.PutNumber(file.RecordDurationSeconds, "record duration");
            header.Put(signals.Count.ToString(CultureInfo.InvariantCulture), 4, "signal count");

            (int min, int max) limits = file.Format == EdfFormat.Bdf ? (-8388608, 8388607) : (short.MinValue, short.MaxValue);
            var samplesPerRecord = new int[signals.Count];
            long recordCount = -1, recordBytes = 0;
            for (int s = 0; s < signals.Count; s++)
            {
                EdfSignalToWrite signal = signals[s] ?? throw new ArgumentException($"Signal {s} is null.", nameof(file));
                CheckDigitalRange(signal, s, limits);
                samplesPerRecord[s] = WholeSamplesPerRecord(signal, s, duration);
                long records = signal.Samples.Length / samplesPerRecord[s];
                if (records * samplesPerRecord[s] != signal.Samples.Length)
                    throw new ArgumentException(
                        $"Signal {s} '{signal.Label}' has {signal.Samples.Length} samples, not a whole number of {samplesPerRecord[s]}-sample records; the writer does not pad.", nameof(file));
                if (recordCount >= 0 && records != recordCount)
                    throw new ArgumentException($"Signal {s} '{signal.Label}' lasts {records} records, signal 0 '{signals[0].Label}' {recordCount}; all signals must last as long.", nameof(file));
                recordCount = records;
                recordBytes += (long)samplesPerRecord[s] * (file.Format == EdfFormat.Bdf ? 3 : 2);
                CheckFinite(signal, s);
            }
            if (recordBytes > int.MaxValue)
                throw new ArgumentException($"A data record would have {recordBytes} bytes; use shorter records.", nameof(file));

            header.Column(signals.Count, 16, "label", s => signals[s].Label);
            header.Column(signals.Count, 80, "transducer type", s => signals[s].TransducerType);
            header.Column(signals.Count, 8, "physical dimension", s => signals[s].PhysicalDimension);
            double[] physicalMinimum = header.NumberColumn(signals.Count, "physical minimum", s => signals[s].PhysicalMinimum);
            double[] physicalMaximum = header.NumberColumn(signals.Count, "physical maximum", s => signals[s].PhysicalMaximum);
            header.Column(signals.Count, 8, "digital minimum", s => signals[s].DigitalMinimum.ToString(CultureInfo.InvariantCulture));
            header.Column(signals.Count, 8, "digital maximum", s => signals[s].DigitalMaximum.ToString(CultureInfo.InvariantCulture));
            header.Column(signals.Count, 80, "prefiltering", s => signals[s].Prefiltering);
            header.Column(signals.Count, 8, "samples per record", s => samplesPerRecord[s].ToString(CultureInfo.InvariantCulture));
            header.Column(signals.Count, 32, "reserved", _ => "");
            var ranges = new Range[signals.Count];
            for (int s = 0; s < signals.Count; s++)
            {
                if (physicalMinimum[s] == physicalMaximum[s])
                    throw new ArgumentException($"Signal {s} '{signals[s].Label}': the physical minimum and maximum are equal as written ({physicalMinimum[s]}).", nameof(file));
                ranges[s] = new Range(physicalMinimum[s], physicalMaximum[s], signals[s].DigitalMinimum, signals[s].DigitalMaximum);
            }
            header.PutAt(recordCountAt, recordCount.ToString(CultureInfo.InvariantCulture), 8, "record count");

            return new EdfWritePlan
            {
                Format = file.Format, Header = header.Bytes, Signals = signals, SamplesPerRecord = samplesPerRecord,
                Ranges = ranges, RecordCount = recordCount, RecordBytes = (int)recordBytes,
            };
        }

        private static void CheckDigitalRange(EdfSignalToWrite signal, int s, (int Min, int Max) limits)
        {
            if (signal.DigitalMinimum < limits.Min || signal.DigitalMaximum > limits.Max || signal.DigitalMinimum >= signal.DigitalMaximum)
                throw new ArgumentException(
                    $"Signal {s} '{signal.Label}': digital range {signal.DigitalMinimum}..{signal.DigitalMaximum} must be increasing and within {limits.Min}..{limits.Max}.", nameof(signal));
            if (!double.IsFinite(signal.PhysicalMinimum) || !double.IsFinite(signal.PhysicalMaximum))
                throw new ArgumentException($"Signal {s} '{signal.Label}': the physical range must be finite.", nameof(signal));
        }

        private static int WholeSamplesPerRecord(EdfSignalToWrite signal, int s, double duration)
        {
            double exact = signal.SampleRate * duration;
            double rounded = Math.Round(exact);
            if (!double.IsFinite(exact) || rounded < 1 || rounded > int.MaxValue || Math.Abs(exact - rounded) > 1e-9 * Math.Max(1, exact))
                throw new ArgumentException(
                    $"Signal {s} '{signal.Label}': {signal.SampleRate} Hz × {duration} s records = {exact} samples per record, which must be a positive whole number.", nameof(signal));
            return (int)rounded;
        }

        private static void CheckFinite(EdfSignalToWrite signal, int s)
        {
            ReadOnlySpan<float> values = signal.Samples.Span;
            for (int i = 0; i < values.Length; i++)
                if (!float.IsFinite(values[i]))
                    throw new ArgumentException($"Signal {s} '{signal.Label}': sample {i} is {values[i]}; EDF holds only finite values.", nameof(signal));
        }
    }

    /// <summary>Fills the header bytes field by field, checking that each value fits and is printable ASCII.</summary>
    private sealed class HeaderBuilder(int signalCount)
    {
        public byte[] Bytes { get; } = CreateBlank(signalCount);

        public int Position { get; private set; }

        public void Put(string text, int width, string name, bool latin1 = false)
        {
            PutAt(Position, text, width, name, latin1);
            Position += width;
        }

        public void PutAt(int position, string text, int width, string name, bool latin1 = false)
        {
            ArgumentNullException.ThrowIfNull(text, name);
            if (text.Length > width)
                throw new ArgumentException($"The {name} '{text}' is longer than its {width}-character field.", name);
            if (!latin1 && text.Any(c => c is < ' ' or > '~'))
                throw new ArgumentException($"The {name} '{text}' has characters outside printable ASCII.", name);
            Encoding.Latin1.GetBytes(text, Bytes.AsSpan(position, text.Length));
        }

        /// <summary>Writes a number in 8 characters (as precisely as fits, without an exponent) and returns the value as written.</summary>
        public double PutNumber(double value, string name)
        {
            string text = FormatNumber(value, 8)
                ?? throw new ArgumentException($"The {name} {value} cannot be written in 8 characters.", name);
            Put(text, 8, name);
            return double.Parse(text, CultureInfo.InvariantCulture);
        }

        public void Column(int signalCount, int width, string name, Func<int, string> field)
        {
            for (int s = 0; s < signalCount; s++) Put(field(s), width, $"signal {s} {name}");
        }

        /// <summary>Writes a column of numbers and returns them as written.</summary>
        public double[] NumberColumn(int signalCount, string name, Func<int, double> field)
        {
            var written = new double[signalCount];
            for (int s = 0; s < signalCount; s++) written[s] = PutNumber(field(s), $"signal {s} {name}");
            return written;
        }

        private static string? FormatNumber(double value, int width)
        {
            string shortest = value.ToString("R", CultureInfo.InvariantCulture);
            if (shortest.Length <= width && !shortest.Contains('E')) return shortest;
            for (int decimals = width - 1; decimals >= 0; decimals--)
            {
                string text = value.ToString("F" + decimals, CultureInfo.InvariantCulture);
                if (text.Contains('.')) text = text.TrimEnd('0').TrimEnd('.');
                if (text.Length <= width) return text == "-0" ? "0" : text;
            }
            return null;
        }

        private static byte[] CreateBlank(int signalCount)
        {
            var bytes = new byte[256 * (signalCount + 1)];
            bytes.AsSpan().Fill((byte)' ');
            return bytes;
        }
    }
}
