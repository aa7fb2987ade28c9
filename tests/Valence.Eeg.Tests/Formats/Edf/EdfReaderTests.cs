using System.Text.Json;
using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Edf;
using static Valence.Eeg.Tests.Formats.Edf.EdfFixtures;

namespace Valence.Eeg.Tests.Formats.Edf;

public class EdfReaderTests
{
    public static TheoryData<string> Files => new(Described);

    [Theory]
    [MemberData(nameof(Files))]
    public void Header_fields_are_those_the_independent_writer_wrote(string name)
    {
        JsonElement e = Expected(name);
        using var reader = EdfReader.Open(PathOf(name));
        EdfHeader h = reader.Header;
        Assert.Equal(e.GetProperty("format").GetString() == "bdf" ? EdfFormat.Bdf : EdfFormat.Edf, h.Format);
        Assert.Equal(e.GetProperty("patient").GetString(), h.PatientId);
        Assert.Equal(e.GetProperty("recording").GetString(), h.RecordingId);
        Assert.Equal(DateTime.Parse(e.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture), h.StartTime);
        Assert.Equal(e.GetProperty("header_bytes").GetInt32(), h.HeaderBytes);
        Assert.Equal(e.GetProperty("reserved").GetString(), h.Reserved);
        Assert.Equal(e.GetProperty("record_count").GetInt64(), h.RecordCount);
        Assert.Equal(e.GetProperty("record_count_unknown").GetBoolean(), h.RecordCountWasUnknown);
        Assert.Equal(e.GetProperty("incomplete_record_bytes").GetInt64(), reader.IncompleteRecordBytes);
        Assert.Equal(e.GetProperty("record_duration").GetDouble(), h.RecordDurationSeconds);
        Assert.Equal(h.Reserved.EndsWith("+C") || h.Reserved.EndsWith("+D"), h.IsPlus);
        Assert.Equal(h.Reserved.EndsWith("+D"), h.IsDiscontinuous);

        JsonElement[] signals = [.. e.GetProperty("signals").EnumerateArray()];
        Assert.Equal(signals.Length, h.Signals.Count);
        for (int i = 0; i < signals.Length; i++)
        {
            JsonElement s = signals[i];
            EdfSignalHeader actual = h.Signals[i];
            Assert.Equal(i, actual.Index);
            Assert.Equal(s.GetProperty("label").GetString(), actual.Label);
            Assert.Equal(s.GetProperty("transducer").GetString(), actual.TransducerType);
            Assert.Equal(s.GetProperty("unit").GetString(), actual.PhysicalDimension);
            Assert.Equal(s.GetProperty("prefilter").GetString(), actual.Prefiltering);
            Assert.Equal(s.GetProperty("reserved").GetString(), actual.Reserved);
            Assert.Equal(s.GetProperty("pmin").GetDouble(), actual.PhysicalMinimum);
            Assert.Equal(s.GetProperty("pmax").GetDouble(), actual.PhysicalMaximum);
            Assert.Equal(s.GetProperty("dmin").GetInt32(), actual.DigitalMinimum);
            Assert.Equal(s.GetProperty("dmax").GetInt32(), actual.DigitalMaximum);
            Assert.Equal(s.GetProperty("spr").GetInt32(), actual.SamplesPerRecord);
            Assert.Equal(s.GetProperty("annotation").GetBoolean(), actual.IsAnnotation);
            Assert.Equal(h.RecordDurationSeconds > 0 ? actual.SamplesPerRecord / h.RecordDurationSeconds : 0, actual.SampleRate);
            Assert.Equal(i, h.IndexOf(actual.Label.ToUpperInvariant() + "  "));
        }
        Assert.Equal(-1, h.IndexOf("no such signal"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_sample_reads_as_written_digitally_and_physically(string name)
    {
        JsonElement e = Expected(name);
        using var reader = EdfReader.Open(PathOf(name));
        int i = 0;
        foreach (JsonElement s in e.GetProperty("signals").EnumerateArray())
        {
            if (s.GetProperty("annotation").GetBoolean())
            {
                Assert.Throws<ArgumentException>(() => reader.ReadPhysical(i));
                i++;
                continue;
            }
            Assert.Equal(Ints(s.GetProperty("digital")), reader.ReadDigital(i));
            double[] expected = Doubles(s.GetProperty("physical"));
            float[] physical = reader.ReadPhysical(i);
            Assert.Equal(expected.Length, physical.Length);
            for (int k = 0; k < expected.Length; k++) Close(expected[k], physical[k], $"{name} signal {i} sample {k}");
            for (int k = 0; k < expected.Length; k++)
                Assert.Equal(expected[k], reader.Header.Signals[i].ToPhysical(Ints(s.GetProperty("digital"))[k]), 9);
            i++;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Record_starts_and_annotations_are_those_written(string name)
    {
        JsonElement e = Expected(name);
        using var reader = EdfReader.Open(PathOf(name));
        EdfTimeline timeline = reader.ReadTimeline();
        Assert.Equal(Doubles(e.GetProperty("record_starts")), timeline.RecordStartSeconds);
        EdfAnnotation[] expected = e.GetProperty("annotations").EnumerateArray().Select(a => new EdfAnnotation(
            a.GetProperty("onset").GetDouble(),
            a.GetProperty("duration").ValueKind == JsonValueKind.Null ? null : a.GetProperty("duration").GetDouble(),
            a.GetProperty("text").GetString()!)).ToArray();
        Assert.Equal(expected, timeline.Annotations);
        Assert.Same(timeline, reader.ReadTimeline());
    }

    [Fact]
    public void Every_range_of_every_signal_matches_the_whole_signal()
    {
        using var reader = EdfReader.Open(PathOf("two_rates.edf"));
        for (int signal = 0; signal < 2; signal++)
        {
            int[] whole = reader.ReadDigital(signal);
            float[] physical = reader.ReadPhysical(signal);
            for (int first = 0; first <= whole.Length; first++)
                for (int count = 0; first + count <= whole.Length; count++)
                {
                    Assert.Equal(whole.AsSpan(first, count).ToArray(), reader.ReadDigital(signal, first, count));
                    Assert.Equal(physical.AsSpan(first, count).ToArray(), reader.ReadPhysical(signal, first, count));
                }
        }
    }

    [Fact]
    public void Time_ranges_in_seconds_follow_each_signal_s_own_rate()
    {
        using var reader = EdfReader.Open(PathOf("two_rates.edf"));
        float[] fz = reader.ReadPhysical(0), resp = reader.ReadPhysical(1);
        Assert.Equal(fz.AsSpan(7, 12).ToArray(), reader.ReadPhysicalSeconds(0, 0.7, 1.2));
        Assert.Equal(resp.AsSpan(4, 6).ToArray(), reader.ReadPhysicalSeconds(1, 1.0, 1.5));
        Assert.Equal(fz, reader.ReadPhysicalSeconds(0, 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadPhysicalSeconds(0, 2.5, 0.6));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadPhysicalSeconds(0, -0.1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadPhysicalSeconds(0, 0, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadDigital(2));
    }

    [Fact]
    public void Several_signals_with_the_same_rate_read_together_signal_major()
    {
        using var reader = EdfReader.Open(PathOf("status.bdf"));
        float[] fp1 = reader.ReadPhysical(0), status = reader.ReadPhysical(2);
        var both = new float[2 * 20];
        reader.ReadPhysical([2, 0], 13, 20, both);
        Assert.Equal(status.AsSpan(13, 20).ToArray(), both[..20]);
        Assert.Equal(fp1.AsSpan(13, 20).ToArray(), both[20..]);
        Assert.Throws<ArgumentException>(() => reader.ReadPhysical([0, 1], 0, 4, new float[8]));
        Assert.Throws<ArgumentException>(() => reader.ReadPhysical([0, 2], 0, 4, new float[7]));
    }

    [Fact]
    public void Status_channel_gives_raw_24_bit_values_and_low_16_bits_as_trigger_codes()
    {
        using var reader = EdfReader.Open(PathOf("status.bdf"));
        int status = reader.Header.IndexOf(BdfStatusChannel.Label);
        Assert.Equal(2, status);
        int[] raw = reader.ReadDigital(status);
        Assert.True(raw[1] < 0, "bit 23 set must read as a negative 24-bit value");
        Assert.Equal(Ints(Expected("status.bdf").GetProperty("status_codes")), BdfStatusChannel.TriggerCodes(raw));
    }

    [Fact]
    public void Reading_a_range_of_one_signal_reads_only_its_bytes()
    {
        byte[] file = Bytes("two_rates.edf");
        using var counting = new CountingStream(file);
        using var reader = new EdfReader(counting, "two_rates.edf");
        long afterHeader = counting.BytesRead;
        Assert.Equal(256 * 3, afterHeader);
        reader.ReadDigital(1, 3, 6); // Resp, 2 samples per record: samples 3..8 lie in records 1..4
        Assert.Equal(6 * 2, counting.BytesRead - afterHeader);
        Assert.Equal(4, counting.Reads - 2);
    }

    [Fact]
    public void Unknown_record_count_is_derived_and_the_unfinished_record_reported()
    {
        using var reader = EdfReader.Open(PathOf("unknown_count.edf"));
        Assert.True(reader.Header.RecordCountWasUnknown);
        Assert.Equal(6, reader.Header.RecordCount);
        Assert.Equal(7, reader.IncompleteRecordBytes);
        using var complete = EdfReader.Open(PathOf("two_rates.edf"));
        Assert.Equal(complete.ReadDigital(0), reader.ReadDigital(0));
        Assert.Equal(0, complete.IncompleteRecordBytes);
    }

    /// <summary>A read-only stream over bytes that counts what is read.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public long BytesRead { get; private set; }
        public int Reads { get; private set; }

        // MemoryStream sends span reads of derived types through this overload.
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = base.Read(buffer, offset, count);
            BytesRead += n;
            Reads++;
            return n;
        }
    }
}
