using System.Buffers.Binary;
using System.IO.Compression;
using Valence.Eeg.Formats.Mat;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Formats.Mat;

public class MatFileWriterTests
{
    public static TheoryData<int[], bool, MatArrayClass> Shapes()
    {
        var data = new TheoryData<int[], bool, MatArrayClass>();
        int[][] shapes = [[1, 1], [3, 5], [5, 3], [2, 3, 4], [4, 1, 3, 2], [0, 3], [17, 19], [1, 7], [1, 2], [2, 1, 1]];
        foreach (int[] shape in shapes)
        foreach (bool compress in new[] { false, true })
        foreach (var storeAs in new[] { MatArrayClass.Double, MatArrayClass.Single })
            data.Add(shape, compress, storeAs);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Arrays_round_trip_through_our_reader_in_row_major_order(int[] shape, bool compress, MatArrayClass storeAs)
    {
        var random = new Random(shape.Sum() * 31 + (compress ? 1 : 0));
        double[] values = Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(_ => random.NextDouble() * 2e4 - 1e4).ToArray();
        var stream = new MemoryStream();
        var writer = new MatFileWriter(stream, compress);
        writer.Write<double>("first", shape, values, storeAs);
        writer.Write<float>("x", shape, values.Select(v => (float)v).ToArray(), storeAs);
        stream.Position = 0;

        using var reader = MatFileReader.Open(stream, "memory");
        Assert.Equal(["first", "x"], reader.Variables.Select(v => v.Name));
        Assert.All(reader.Variables, v =>
        {
            Assert.Equal((storeAs, compress), (v.Class, v.IsCompressed));
            Assert.Equal(shape, v.Dimensions);
        });
        double[] expected = storeAs == MatArrayClass.Double ? values : values.Select(v => (double)(float)v).ToArray();
        Assert.Equal(expected, reader.ReadArray<double>("first").Values);
        Assert.Equal(values.Select(v => (float)v), reader.ReadArray<float>("x").Values);
    }

    [Fact]
    public void Values_are_written_column_major()
    {
        var stream = new MemoryStream();
        new MatFileWriter(stream, compress: false).Write<double>("m", [2, 3], [1, 2, 3, 4, 5, 6]);
        byte[] bytes = stream.ToArray();
        // 128 header + 8 matrix tag + 16 flags + 16 dimensions + 8 small name + 8 real-part tag.
        double[] stored = Enumerable.Range(0, 6).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(184 + 8 * i))).ToArray();
        Assert.Equal([1, 4, 2, 5, 3, 6], stored);
        Assert.Equal(184 + 48, bytes.Length);
    }

    [Theory]
    [InlineData(false, MatArrayClass.Double)]
    [InlineData(true, MatArrayClass.Double)]
    [InlineData(false, MatArrayClass.Single)]
    [InlineData(true, MatArrayClass.Single)]
    public void DEAP_recordings_round_trip(bool compress, MatArrayClass dataClass)
    {
        SubjectRecording original = DeapMatFiles.Recording(3, 40, 401);
        var options = new DeapMatWriteOptions { Compress = compress, DataClass = dataClass };
        SubjectRecording back = DeapMatReader.Read(DeapMatFiles.Write(original, options), "s17.mat");
        Assert.Equal(17, back.Subject);
        Assert.Equal(original.Samples.ToArray(), back.Samples.ToArray());
        Assert.Equal(original.Ratings, back.Ratings);
        Assert.Equal(DeapChannels.Preprocessed, back.ChannelNames);
        Assert.Equal((original.SampleRate, original.BaselineSeconds), (back.SampleRate, back.BaselineSeconds));
    }

    /// <summary>The recording behind the committed files that tests/fixtures/check_mat_roundtrip.py reads with scipy.</summary>
    internal static SubjectRecording CommittedRecording => DeapMatFiles.Recording(2, 3, 384, seed: 7);

    [Fact]
    public void The_writer_still_writes_the_file_scipy_was_shown_to_read_byte_for_byte()
    {
        byte[] produced = DeapMatFiles.Write(CommittedRecording).ToArray();
        AssertSameAsCommitted("written_by_valence.mat", produced, bytes => bytes);
    }

    /// <summary>zlib's output may change between zlib builds, so the compressed file is compared with its elements inflated.</summary>
    [Fact]
    public void The_compressed_writer_still_writes_the_same_elements()
    {
        var options = new DeapMatWriteOptions { Compress = true, DataClass = MatArrayClass.Single };
        byte[] produced = DeapMatFiles.Write(CommittedRecording, options).ToArray();
        AssertSameAsCommitted("written_by_valence_compressed.mat", produced, Inflate);
    }

    private static void AssertSameAsCommitted(string name, byte[] produced, Func<byte[], byte[]> canonical)
    {
        string committed = MatFixtures.PathOf(name);
        bool same = File.Exists(committed) && canonical(File.ReadAllBytes(committed)).AsSpan().SequenceEqual(canonical(produced));
        if (same) return;
        string fresh = Path.Combine(AppContext.BaseDirectory, name + ".produced");
        File.WriteAllBytes(fresh, produced);
        Assert.Fail($"The writer's output differs from tests/fixtures/mat/{name}. If that is intended, copy {fresh} over it and re-run tests/fixtures/check_mat_roundtrip.py.");
    }

    /// <summary>The header followed by every top-level element, miCOMPRESSED ones replaced by the bytes they inflate to.</summary>
    private static byte[] Inflate(byte[] file)
    {
        var output = new MemoryStream();
        output.Write(file, 0, 128);
        for (int at = 128; at < file.Length;)
        {
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at)), length = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 4));
            if (type == (uint)MatDataType.Compressed)
                new ZLibStream(new MemoryStream(file, at + 8, (int)length), CompressionMode.Decompress).CopyTo(output);
            else
                output.Write(file, at, 8 + (int)length);
            at += 8 + (int)length;
        }
        return output.ToArray();
    }

    [Fact]
    public void The_header_is_level_5_little_endian_with_fixed_text()
    {
        byte[] bytes = DeapMatFiles.Write(CommittedRecording).ToArray();
        Assert.Equal(MatFileWriter.HeaderText, System.Text.Encoding.ASCII.GetString(bytes, 0, 116).TrimEnd(' '));
        Assert.Equal([0x00, 0x01, (byte)'I', (byte)'M'], bytes[124..128]);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_the_rule()
    {
        var writer = new MatFileWriter(new MemoryStream(), compress: false);
        Assert.Contains("not a MATLAB variable name", Assert.Throws<ArgumentException>(() => writer.Write<double>("2x", [1, 1], [1])).Message);
        Assert.Contains("not a MATLAB variable name", Assert.Throws<ArgumentException>(() => writer.Write<double>(new string('a', 64), [1, 1], [1])).Message);
        Assert.Contains("describe 6 values, but 5", Assert.Throws<ArgumentException>(() => writer.Write<double>("a", [2, 3], new double[5])).Message);
        Assert.Contains("2 to 64 dimensions, not 1", Assert.Throws<ArgumentException>(() => writer.Write<double>("a", [3], new double[3])).Message);
        Assert.Contains("double or single, not Int16", Assert.Throws<ArgumentException>(() => writer.Write<double>("a", [1, 1], [1], MatArrayClass.Int16)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write<double>("a", [-1, -1], [1]));
        writer.Write<double>("a", [1, 1], [1]);
        Assert.Contains("already in the file", Assert.Throws<ArgumentException>(() => writer.Write<double>("a", [1, 1], [1])).Message);
        Assert.Contains("seekable", Assert.Throws<ArgumentException>(() => new MatFileWriter(new UnseekableStream(), compress: true)).Message);
    }

    [Fact]
    public void A_recording_not_at_DEAPs_rate_and_baseline_is_refused()
    {
        SubjectRecording r = DeapMatFiles.Recording(1, 2, 384);
        var at256 = new SubjectRecording(1, r.Samples.ToArray(), 1, r.ChannelNames, 256, r.Ratings, 3, "x");
        var noBaseline = new SubjectRecording(1, r.Samples.ToArray(), 1, r.ChannelNames, 128, r.Ratings, 0, "x");
        Assert.Contains("resample or re-cut it first", Assert.Throws<ArgumentException>(() => DeapMatWriter.Write(new MemoryStream(), at256)).Message);
        Assert.Throws<ArgumentException>(() => DeapMatWriter.Write(new MemoryStream(), noBaseline));
    }

    [Fact]
    public void Files_are_replaced_atomically_and_a_failed_write_leaves_the_old_file()
    {
        string folder = Directory.CreateTempSubdirectory("valence-mat-").FullName;
        try
        {
            string path = Path.Combine(folder, "s01.mat");
            DeapMatWriter.Write(path, DeapMatFiles.Recording(1, 2, 384, seed: 1));
            DeapMatWriter.Write(path, DeapMatFiles.Recording(1, 2, 384, seed: 2));
            Assert.Equal(DeapMatFiles.Recording(1, 2, 384, seed: 2).Samples.ToArray(), DeapMatReader.Read(path).Samples.ToArray());
            byte[] before = File.ReadAllBytes(path);
            Assert.Throws<IOException>(() => Valence.IO.AtomicFile.Write(path, stream =>
            {
                stream.Write(new byte[100]);
                throw new IOException("disk full");
            }));
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Equal(["s01.mat"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class UnseekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
