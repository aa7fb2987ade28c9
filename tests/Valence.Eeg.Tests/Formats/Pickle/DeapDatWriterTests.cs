using System.Text.Json.Nodes;
using Valence.Eeg.Formats.Pickle;
using Valence.Eeg.Recordings;
using static Valence.Eeg.Tests.Formats.Pickle.PickleFixtures;

namespace Valence.Eeg.Tests.Formats.Pickle;

public sealed class DeapDatWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valence-deap-writer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(DeapDataPrecision.Float64, "written_by_valence.dat")]
    [InlineData(DeapDataPrecision.Float32, "written_by_valence_f32.dat")]
    public void Writes_exactly_the_bytes_that_python_checked(DeapDataPrecision precision, string file)
    {
        var stream = new MemoryStream();
        DeapDatWriter.Write(stream, FormulaRecording(2, 3, 20), precision);

        if (!File.Exists(PathOf(file)) || !stream.ToArray().AsSpan().SequenceEqual(Bytes(file)))
        {
            string actual = Path.Combine(AppContext.BaseDirectory, file + ".actual");
            File.WriteAllBytes(actual, stream.ToArray());
            Assert.Fail($"The writer no longer writes the committed {file}, which tests/fixtures/check_pickle_roundtrip.py " +
                $"verified with Python. If the change is intended, copy {actual} to tests/fixtures/pickle/{file} and re-run the script.");
        }
    }

    [Fact]
    public void Python_read_the_committed_files_back_exactly()
    {
        var check = JsonNode.Parse(File.ReadAllText(PathOf("check_pickle_roundtrip.json")))!;
        var results = check["results"]!.AsArray();

        Assert.Equal(2, results.Count);
        foreach (var result in results)
        {
            string file = Text(result!["file"]);
            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Bytes(file))), Text(result["sha256"]), ignoreCase: true);
            Assert.True(result["every_value_equal"]!.GetValue<bool>());
            Assert.Equal(2, Int(result["highest_protocol"]));
            Assert.Equal(["labels", "data"], result["keys"]!.AsArray().Select(Text));
        }
    }

    [Theory]
    [InlineData(DeapDataPrecision.Float64, 3, 5, 17)]
    [InlineData(DeapDataPrecision.Float32, 3, 5, 17)]
    [InlineData(DeapDataPrecision.Float64, 1, 1, 1)]
    [InlineData(DeapDataPrecision.Float64, 2, 3, 60_000)]
    [InlineData(DeapDataPrecision.Float32, 2, 3, 60_000)]
    public void Reading_back_gives_the_recording(DeapDataPrecision precision, int trials, int channels, int samples)
    {
        string path = Path.Combine(_directory, "s05.dat");

        DeapDatWriter.Write(path, FormulaRecording(trials, channels, samples), precision);
        var read = DeapDatReader.Read(path);

        AssertFormulaValues(read, trials, channels, samples);
        Assert.Equal(5, read.Subject);
    }

    [Theory]
    [InlineData(DeapDataPrecision.Float64)]
    [InlineData(DeapDataPrecision.Float32)]
    public void Extreme_floats_survive_bit_for_bit(DeapDataPrecision precision)
    {
        float[] values = [float.MaxValue, float.MinValue, float.Epsilon, -float.Epsilon, -0f, 0f, 1e-40f, 3.14159274f, -1e30f, 123456.789f];
        var recording = new SubjectRecording(1, values, 1, ["A", "B"], 128, [new Ratings(1, 9, 4.999999f, 5.0000005f)], 3, "extremes");
        var stream = new MemoryStream();

        DeapDatWriter.Write(stream, recording, precision);
        stream.Position = 0;
        var read = DeapDatReader.Read(stream, "extremes", 1, ["A", "B"]);

        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), read.Samples.ToArray().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(recording.Ratings, read.Ratings);
    }

    [Fact]
    public void Reading_a_large_file_allocates_its_samples_but_no_copy_of_the_file()
    {
        string path = Path.Combine(_directory, "s02.dat");
        DeapDatWriter.Write(path, FormulaRecording(2, 3, 60_000));
        DeapDatReader.Read(path);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var read = DeapDatReader.Read(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        long samples = read.Samples.Length * sizeof(float), file = new FileInfo(path).Length;
        Assert.InRange(allocated, samples, samples + file / 4);
    }

    [Fact]
    public void Writing_replaces_the_file_atomically_and_leaves_nothing_behind()
    {
        string path = Path.Combine(_directory, "new", "s01.dat");

        DeapDatWriter.Write(path, FormulaRecording(1, 2, 3));
        DeapDatWriter.Write(path, FormulaRecording(2, 2, 3));

        Assert.Equal(2, DeapDatReader.Read(path).TrialCount);
        Assert.Equal(["s01.dat"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void The_same_recording_gives_the_same_bytes()
    {
        var first = new MemoryStream();
        var second = new MemoryStream();

        DeapDatWriter.Write(first, FormulaRecording(2, 4, 9));
        DeapDatWriter.Write(second, FormulaRecording(2, 4, 9));

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void An_unknown_precision_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeapDatWriter.Write(new MemoryStream(), FormulaRecording(1, 1, 1), (DeapDataPrecision)7));
    }
}
