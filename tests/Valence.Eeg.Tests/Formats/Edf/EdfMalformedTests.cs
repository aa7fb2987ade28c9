using System.Text;
using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Edf;
using static Valence.Eeg.Tests.Formats.Edf.EdfFixtures;

namespace Valence.Eeg.Tests.Formats.Edf;

/// <summary>Each broken field gives an EegFormatException that names the file, the place and the rule.</summary>
public class EdfMalformedTests
{
    // Offsets in two_rates.edf (2 signals): the fixed fields, then each per-signal column of 2 entries.
    private const int Version = 0, Patient = 8, Date = 168, Time = 176, HeaderBytes = 184, Reserved = 192,
        RecordCount = 236, Duration = 244, SignalCount = 252, PhysicalMinimum = 464, PhysicalMaximum = 480,
        DigitalMinimum = 496, DigitalMaximum = 512, SamplesPerRecord = 688;

    private static byte[] Patched(string name, int offset, string text, int width)
    {
        byte[] bytes = Bytes(name);
        bytes.AsSpan(offset, width).Fill((byte)' ');
        Encoding.Latin1.GetBytes(text).CopyTo(bytes, offset);
        return bytes;
    }

    private static EegFormatException Refused(byte[] bytes, string name = "broken.edf")
    {
        var e = Assert.Throws<EegFormatException>(() =>
        {
            using var reader = new EdfReader(new MemoryStream(bytes), name);
            reader.ReadTimeline();
        });
        Assert.Equal(name, e.Path);
        Assert.StartsWith(name + ": ", e.Message);
        return e;
    }

    public static TheoryData<int, string, int, string, string> HeaderFields => new()
    {
        { Version, "1", 8, "header field 'version' (byte 0)", "neither" },
        { Patient, "caf\u00e9", 80, "'local patient identification' (byte 11)", "not printable ASCII" },
        { Date, "30.02.12", 8, "start date", "is not a date" },
        { Date, "1.2.2012", 8, "start date", "not of the form nn.nn.nn" },
        { Time, "24.00.00", 8, "start time", "not a time of day" },
        { HeaderBytes, "1024", 8, "'number of bytes in header' (byte 184)", "256·(2 + 1) = 768" },
        { HeaderBytes, "7 68", 8, "number of bytes in header", "not an integer" },
        { Reserved, "EDF+X", 44, "reserved", "only C (continuous) or D" },
        { Reserved, "EDF+C", 44, "signal headers", "no signal is labelled 'EDF Annotations'" },
        { Reserved, "BDF+C", 44, "reserved", "other format" },
        { RecordCount, "7", 8, "data record 6 (byte 852)", "truncated" },
        { RecordCount, "5", 8, "byte 838", "14 bytes follow the last of the 5 data records" },
        { RecordCount, "-2", 8, "number of data records", "neither a count nor −1" },
        { RecordCount, "1e3", 8, "number of data records", "not an integer" },
        { Duration, "NaN", 8, "duration of a data record", "not a finite decimal" },
        { Duration, "0.5.", 8, "duration of a data record", "not a finite decimal" },
        { Duration, "-1", 8, "duration of a data record", "negative" },
        { Duration, "0", 8, "duration of a data record", "0 s is allowed only" },
        { SignalCount, "0", 4, "number of signals", "at least one signal" },
        { SignalCount, "3", 4, "number of bytes in header", "256·(3 + 1)" },
        { PhysicalMaximum, "-500", 8, "signal 0 physical maximum", "equals the physical minimum" },
        { PhysicalMinimum + 8, "1e999", 8, "'signal 1 physical minimum' (byte 472)", "not a finite decimal" },
        { DigitalMinimum, "32767", 8, "signal 0 digital maximum", "not above the digital minimum" },
        { DigitalMinimum, "-40000", 8, "signal 0 digital minimum", "outside the Edf sample range" },
        { DigitalMaximum + 8, "2047.0", 8, "signal 1 digital maximum", "not an integer" },
        { SamplesPerRecord, "0", 8, "signal 0 samples per record", "at least one sample" },
        { SamplesPerRecord, "6", 8, "data record", "truncated" },
        { SamplesPerRecord + 8, "99999999", 8, "data record 0 (byte 768)", "promises 6 records of 200000008 bytes" },
    };

    [Theory]
    [MemberData(nameof(HeaderFields))]
    public void A_broken_header_field_is_named_with_its_offset_and_the_rule(int offset, string text, int width, string place, string reason)
    {
        var e = Refused(Patched("two_rates.edf", offset, text, width));
        Assert.Contains(place, e.Place);
        Assert.Contains(reason, e.Reason);
    }

    [Fact]
    public void Truncation_anywhere_is_refused_with_what_is_missing()
    {
        byte[] whole = Bytes("two_rates.edf");
        for (int length = 0; length < whole.Length; length++)
        {
            var e = Refused(whole[..length]);
            Assert.Matches("fewer than the 256|only \\d+ bytes|truncated", e.Reason);
        }
        Assert.Contains("5 complete records and 12 bytes of the next", Refused(whole[..^2]).Reason);
    }

    [Fact]
    public void A_scale_that_overflows_float_is_refused_when_physical_values_are_read()
    {
        byte[] bytes = Patched("two_rates.edf", PhysicalMinimum, "-1e300", 8);
        Encoding.ASCII.GetBytes("1e300   ").CopyTo(bytes, PhysicalMaximum);
        using var reader = new EdfReader(new MemoryStream(bytes), "huge.edf");
        Assert.Equal(30, reader.ReadDigital(0).Length);
        var e = Assert.Throws<EegFormatException>(() => reader.ReadPhysical(0));
        Assert.Equal("data record 0, signal 0 'EEG Fz'", e.Place);
        Assert.Contains("beyond what a float holds", e.Reason);
    }

    public static TheoryData<string, int, string, string, string> BrokenAnnotations => new()
    {
        { "annotations.edf", 1, "+1.5\u0014\u0014\0", "data record 1", "in a continuous (EDF+C) file it must start at 1 s" },
        { "annotations.edf", 0, "0\u0014\u0014\0", "data record 0, signal 1 'EDF Annotations', byte 784", "must start with + or" },
        { "annotations.edf", 0, "+0\u0014X\u0014\0", "byte 784", "the empty time-keeping one, but it reads 'X'" },
        { "annotations.edf", 0, "+0\u0014\0", "byte 784", "has no texts" },
        { "annotations.edf", 3, "", "data record 3, signal 1 'EDF Annotations', byte 1024", "no time-keeping annotation" },
        { "annotations.edf", 3, "+3\u0014\u0014\0\0\0x", "byte 1031", "non-zero bytes follow" },
        { "annotations.edf", 0, "+0\u0014\u0014\0+0.2.5\u0014A\u0014\0", "byte 789", "not a decimal number of seconds" },
        { "annotations.edf", 0, "+0\u0014\u0014\0+.25\u0014A\u0014\0", "byte 789", "not a decimal number of seconds" },
        { "annotations.edf", 0, "+0\u0014\u0014\0+0.25\u001510\0", "byte 795", "not followed by byte 0x14 or 0x15" },
        { "annotations.edf", 0, "+0\u0014\u0014\0+0.25\u0015-1\u0014A\u0014\0", "byte 795", "not a decimal number of seconds" },
        { "annotations.edf", 0, "+0\u0014\u0014\0+0.25\u00151\u00152\u0014\0", "byte 796", "duration must be followed by byte 0x14" },
        { "annotations.edf", 1, "+1\u0014\u0014\0+1.5\u0014Eyes\0", "data record 1, signal 1 'EDF Annotations', byte 874", "not closed by byte 0x14" },
        { "annotations.edf", 1, "+1\u0014\u0014\0+1.5\u0014\u00c3\u0028\u0014\0", "byte 874", "not valid UTF-8" },
        { "gap.edf", 2, "+1.5\u0014\u0014\0", "data record 2", "before the previous record ends (1 s + 1 s)" },
    };

    [Theory]
    [MemberData(nameof(BrokenAnnotations))]
    public void A_broken_annotation_is_named_with_its_record_and_byte(string file, int record, string text, string place, string reason)
    {
        byte[] bytes = Bytes(file);
        using (var reader = new EdfReader(new MemoryStream(Bytes(file)), file))
        {
            EdfSignalHeader annotations = reader.Header.Signals[1];
            Span<byte> block = bytes.AsSpan(
                (int)(reader.Header.HeaderBytes + record * reader.Header.RecordBytes + annotations.ByteOffsetInRecord),
                annotations.SamplesPerRecord * 2);
            block.Clear();
            Encoding.Latin1.GetBytes(text).CopyTo(block);
        }
        var e = Refused(bytes, file);
        Assert.Contains(place, e.Place);
        Assert.Contains(reason, e.Reason);
    }
}
