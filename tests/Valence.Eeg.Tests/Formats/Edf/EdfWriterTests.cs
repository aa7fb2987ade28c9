using System.Text.Json;
using Valence.Eeg.Formats.Edf;
using static Valence.Eeg.Tests.Formats.Edf.EdfFixtures;

namespace Valence.Eeg.Tests.Formats.Edf;

public sealed class EdfWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valence-edf-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly DateTime Start = new(2010, 5, 4, 12, 0, 0);

    [Fact]
    public void Writes_the_independent_fixture_byte_for_byte()
    {
        JsonElement e = Expected("two_rates.edf");
        var signals = e.GetProperty("signals").EnumerateArray().Select(s => new EdfSignalToWrite(
            s.GetProperty("label").GetString()!, s.GetProperty("unit").GetString()!, s.GetProperty("pmin").GetDouble(),
            s.GetProperty("pmax").GetDouble(), s.GetProperty("dmin").GetInt32(), s.GetProperty("dmax").GetInt32(),
            s.GetProperty("spr").GetInt32() / e.GetProperty("record_duration").GetDouble(),
            Doubles(s.GetProperty("physical")).Select(v => (float)v).ToArray())
        {
            TransducerType = s.GetProperty("transducer").GetString()!,
            Prefiltering = s.GetProperty("prefilter").GetString()!,
        }).ToArray();
        var file = new EdfFileToWrite(EdfFormat.Edf, DateTime.Parse(e.GetProperty("start").GetString()!), 0.5, signals)
        {
            PatientId = e.GetProperty("patient").GetString()!,
            RecordingId = e.GetProperty("recording").GetString()!,
        };
        string path = Path.Combine(_folder, "two_rates.edf");

        EdfWriteResult result = EdfWriter.Write(path, file);

        Assert.Equal(0, result.TotalClippedSamples);
        byte[] ours = File.ReadAllBytes(path), theirs = Bytes("two_rates.edf");
        // The fixture fills the second signal's reserved field ("spare"); the writer leaves signal reserved fields blank.
        const int signalReserved = 704 + 32;
        Assert.Equal("spare", System.Text.Encoding.ASCII.GetString(theirs, signalReserved, 5));
        theirs.AsSpan(signalReserved, 32).Fill((byte)' ');
        Assert.Equal(theirs, ours);
    }

    [Theory]
    [InlineData(EdfFormat.Edf)]
    [InlineData(EdfFormat.Bdf)]
    public void Round_trip_recovers_every_value_to_half_a_digital_step_and_counts_the_clipped(EdfFormat format)
    {
        var random = new Random(7);
        int digitalMax = format == EdfFormat.Bdf ? 8388607 : 32767;
        (string Label, double Rate, double Min, double Max)[] specs =
            [("Fp1", 64, -250, 250), ("GSR1", 8, 0, 1000.5), ("Inverted", 32, 40, -40)];
        const int seconds = 6;
        var signals = specs.Select(s =>
        {
            var values = new float[(int)(s.Rate * seconds)];
            for (int i = 0; i < values.Length; i++)
                values[i] = (float)(Math.Min(s.Min, s.Max) + random.NextDouble() * Math.Abs(s.Max - s.Min));
            return new EdfSignalToWrite(s.Label, "uV", s.Min, s.Max, -digitalMax - 1, digitalMax, s.Rate, values);
        }).ToArray();
        float[] beyond = signals[0].Samples.ToArray();
        beyond[3] = 1e6f; beyond[10] = -251f; beyond[11] = -1e30f;
        signals[0] = signals[0] with { Samples = beyond };
        string path = Path.Combine(_folder, "roundtrip." + format.ToString().ToLowerInvariant());

        EdfWriteResult result = EdfWriter.Write(path, new EdfFileToWrite(format, Start, 0.5, signals) { PatientId = "P01" });

        Assert.Equal([3L, 0L, 0L], result.ClippedSamples);
        using var reader = EdfReader.Open(path);
        Assert.Equal(format, reader.Header.Format);
        Assert.Equal(format == EdfFormat.Bdf ? "24BIT" : "", reader.Header.Reserved);
        Assert.Equal(Start, reader.Header.StartTime);
        Assert.Equal(seconds * 2, reader.Header.RecordCount);
        for (int s = 0; s < specs.Length; s++)
        {
            EdfSignalHeader h = reader.Header.Signals[s];
            Assert.Equal(specs[s].Label, h.Label);
            Assert.Equal(specs[s].Rate, h.SampleRate);
            float[] read = reader.ReadPhysical(s);
            ReadOnlySpan<float> written = signals[s].Samples.Span;
            double halfStep = Math.Abs(h.Gain) / 2 * 1.0001 + 1e-6 * Math.Max(Math.Abs(specs[s].Min), Math.Abs(specs[s].Max));
            for (int i = 0; i < read.Length; i++)
            {
                double expected = Math.Clamp(written[i], Math.Min(specs[s].Min, specs[s].Max), Math.Max(specs[s].Min, specs[s].Max));
                Assert.True(Math.Abs(read[i] - expected) <= halfStep, $"{specs[s].Label}[{i}]: wrote {written[i]}, read {read[i]}");
            }
        }
        Assert.Equal((float)250, reader.ReadPhysical(0)[3], 3);
        Assert.Equal((float)-250, reader.ReadPhysical(0)[11], 3);
    }

    [Fact]
    public void Integers_with_unit_gain_round_trip_exactly_as_a_status_channel()
    {
        int[] raw = [0, 1, 4, 65535, 0xABCD | 1 << 20, -8388608, 8388607, -1];
        var status = new EdfSignalToWrite("Status", "Boolean", -8388608, 8388607, -8388608, 8388607, 8,
            raw.Select(v => (float)v).ToArray());
        string path = Path.Combine(_folder, "status.bdf");
        EdfWriter.Write(path, new EdfFileToWrite(EdfFormat.Bdf, Start, 1, [status]));
        using var reader = EdfReader.Open(path);
        Assert.Equal(raw, reader.ReadDigital(0));
        Assert.Equal([0, 1, 4, 65535, 0xABCD, 0, 65535, 65535], BdfStatusChannel.TriggerCodes(raw));
    }

    [Fact]
    public void Numbers_too_long_for_their_field_are_written_rounded_and_the_written_value_is_used()
    {
        var values = new float[] { 1234.5f, 1500f };
        var signal = new EdfSignalToWrite("X", "uV", 1234.56789, 1e5 / 7, -32768, 32767, 2, values);
        string path = Path.Combine(_folder, "rounded.edf");
        EdfWriter.Write(path, new EdfFileToWrite(EdfFormat.Edf, Start, 1, [signal]));
        using var reader = EdfReader.Open(path);
        Assert.Equal(1234.568, reader.Header.Signals[0].PhysicalMinimum);
        Assert.Equal(14285.71, reader.Header.Signals[0].PhysicalMaximum);
        EdfSignalHeader h = reader.Header.Signals[0];
        Assert.InRange(Math.Abs(h.ToPhysical(reader.ReadDigital(0)[0]) - 1234.5), 0, h.Gain / 2);
        Assert.InRange(Math.Abs(h.ToPhysical(reader.ReadDigital(0)[1]) - 1500), 0, h.Gain / 2);
    }

    [Fact]
    public void Refuses_what_the_format_cannot_hold_naming_the_signal_and_the_rule()
    {
        EdfSignalToWrite Good(float[]? v = null) => new("Fp1", "uV", -100, 100, -32768, 32767, 4, v ?? new float[8]);
        void Refused(string expected, EdfFileToWrite file)
        {
            var e = Assert.Throws<ArgumentException>(() => EdfWriter.Write(Path.Combine(_folder, "refused.edf"), file));
            Assert.Contains(expected, e.Message);
        }

        Refused("sample 3 is NaN", new(EdfFormat.Edf, Start, 1, [Good([0, 0, 0, float.NaN, 0, 0, 0, 0])]));
        Refused("sample 0 is Infinity", new(EdfFormat.Edf, Start, 1, [Good([float.PositiveInfinity, 0, 0, 0, 0, 0, 0, 0])]));
        Refused("whole number of 4-sample records", new(EdfFormat.Edf, Start, 1, [Good(new float[7])]));
        Refused("positive whole number", new(EdfFormat.Edf, Start, 0.3, [Good()]));
        Refused("all signals must last as long", new(EdfFormat.Edf, Start, 1, [Good(), Good(new float[4])]));
        Refused("longer than its 16-character field", new(EdfFormat.Edf, Start, 1, [Good() with { Label = "A label far too long" }]));
        Refused("outside printable ASCII", new(EdfFormat.Edf, Start, 1, [Good() with { PhysicalDimension = "µV" }]));
        Refused("equal as written", new(EdfFormat.Edf, Start, 1, [Good() with { PhysicalMinimum = 1.000000001, PhysicalMaximum = 1.000000002 }]));
        Refused("within -32768..32767", new(EdfFormat.Edf, Start, 1, [Good() with { DigitalMinimum = -40000 }]));
        Refused("must be increasing", new(EdfFormat.Bdf, Start, 1, [Good() with { DigitalMinimum = 5, DigitalMaximum = 5 }]));
        Refused("cannot be written in 8 characters", new(EdfFormat.Edf, Start, 1, [Good() with { PhysicalMaximum = 1e12 }]));
        Refused("outside 1985–2084", new(EdfFormat.Edf, new DateTime(2090, 1, 1), 1, [Good()]));
        Refused("1 to 9999 signals", new(EdfFormat.Edf, Start, 1, []));
        Refused("record duration must be positive", new(EdfFormat.Edf, Start, 0, [Good()]));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Replaces_an_existing_file_atomically_and_leaves_no_temporary_files()
    {
        string path = Path.Combine(_folder, "replace.bdf");
        File.WriteAllText(path, "old");
        var signal = new EdfSignalToWrite("Fp1", "uV", -1, 1, -8388608, 8388607, 2, new float[] { 0.5f, -0.5f });
        EdfWriter.Write(path, new EdfFileToWrite(EdfFormat.Bdf, Start, 1, [signal]));
        Assert.Equal([path], Directory.GetFiles(_folder));
        using (var reader = EdfReader.Open(path)) Assert.Equal(2, reader.SampleCount(0));
        Assert.Throws<ArgumentException>(() =>
            EdfWriter.Write(path, new EdfFileToWrite(EdfFormat.Bdf, Start, 1, [signal with { Samples = new float[] { float.NaN, 0 } }])));
        Assert.Equal([path], Directory.GetFiles(_folder));
        using (var reader = EdfReader.Open(path)) Assert.Equal(0.5f, reader.ReadPhysical(0)[0], 5);
    }
}
