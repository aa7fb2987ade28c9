using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Mat;

namespace Valence.Eeg.Tests.Formats.Mat;

public class MatFileReaderEdgeTests
{
    public static TheoryData<byte[], string, string> BadHeaders => new()
    {
        { [], "byte 0", "the file has 0 bytes, fewer than the 128-byte MAT-file header" },
        { new byte[100], "byte 0", "MATLAB v4 files are not supported; re-save with -v7 or use the .dat files" },
        { [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "byte 0", "MATLAB v7.3 (HDF5) is not supported; re-save with -v7 or use the .dat files" },
        { MatBytes.Header(version: 0x0300), "byte 124", "MAT-file version 0x0300 is not 0x0100 (Level 5)" },
        { MatBytes.Header(indicator: "XX"), "byte 126", "not a MAT-file: bytes 126–127 are not the endian indicator 'IM' or 'MI'" },
        { [.. MatBytes.Header(), 1, 2, 3], "byte 128", "3 trailing bytes are too few for a data element" },
        { [.. MatBytes.Header(), .. MatBytes.Tag(MatDataType.Double, 8), .. new byte[8]], "byte 128", "a top-level element is miDOUBLE, not miMATRIX or miCOMPRESSED" },
        { [.. MatBytes.Header(), .. MatBytes.Tag(MatDataType.Matrix, 4000)], "byte 128", "the element declares 4000 bytes, but only 0 remain in the file" },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public void Bad_headers_and_top_level_elements_are_refused_with_place_and_reason(byte[] file, string place, string reason)
    {
        var e = Assert.Throws<EegFormatException>(() => MatBytes.Open(file));
        Assert.Equal(("test.mat", place, reason), (e.Path, e.Place, e.Reason));
    }

    [Fact]
    public void A_header_alone_is_a_file_without_variables()
    {
        using var reader = MatBytes.Open(MatBytes.Header());
        Assert.Empty(reader.Variables);
        Assert.Equal("MATLAB 5.0 MAT-file, built by a test", reader.HeaderText);
    }

    [Fact]
    public void A_second_variable_with_the_same_name_is_refused()
    {
        byte[] x = MatBytes.Matrix("x", MatArrayClass.Double, [1, 1], MatDataType.Double, 8, new byte[8]);
        var e = Assert.Throws<EegFormatException>(() => MatBytes.Open([.. MatBytes.Header(), .. x, .. x]));
        Assert.Equal(("byte 200", "a second variable 'x' (the first is at byte 128)"), (e.Place, e.Reason));
    }

    [Fact]
    public void Real_part_sizes_that_disagree_with_the_dimensions_are_refused_before_allocating()
    {
        byte[] x = MatBytes.Matrix("x", MatArrayClass.Double, [100000, 1000], MatDataType.Double, 8, new byte[8]);
        using var reader = MatBytes.Open([.. MatBytes.Header(), .. x]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<EegFormatException>(() => reader.ReadArray<double>("x"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        Assert.Equal("the real part holds 8 bytes, but 100000000 values (100000×1000) of miDOUBLE take 800000000", e.Reason);
        Assert.StartsWith("variable 'x', byte ", e.Place);
    }

    [Fact]
    public void A_compressed_element_claiming_more_than_deflate_can_expand_is_refused_when_listed()
    {
        byte[] x = MatBytes.Matrix("x", MatArrayClass.Double, [1, 1], MatDataType.Double, 8, new byte[8]);
        BitConverter.GetBytes(int.MaxValue).CopyTo(x, 4);
        var e = Assert.Throws<EegFormatException>(() => MatBytes.Open([.. MatBytes.Header(), .. MatBytes.Compressed(x)]));
        Assert.Contains("of the data inflated from the miCOMPRESSED element at byte 128", e.Place);
        Assert.StartsWith($"the element declares {int.MaxValue} bytes, but at most", e.Reason);
    }

    /// <summary>
    /// A zip bomb that lies: its header claims 48 MB of doubles, within what its 100 KB could expand to, but the
    /// data stops after 100 KB. The reader inflates it once to count before allocating, so the lie costs no memory.
    /// </summary>
    [Fact]
    public void A_compressed_element_that_claims_more_than_it_holds_is_refused_without_allocating_the_claim()
    {
        const int Count = 6_000_000;
        var noise = new byte[100_000];
        new Random(5).NextBytes(noise);
        byte[] x = MatBytes.Matrix("x", MatArrayClass.Double, [Count, 1], MatDataType.Double, Count * 8L, noise);
        BitConverter.GetBytes((uint)(x.Length - 8 - noise.Length + Count * 8L)).CopyTo(x, 4);
        using var reader = MatBytes.Open([.. MatBytes.Header(), .. MatBytes.Compressed(x)]);
        Assert.Equal("6000000×1", reader.Find("x")!.Shape);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<EegFormatException>(() => reader.ReadArray<double>("x"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20);
        Assert.Equal("the compressed data ends early", e.Reason);
    }

    /// <summary>Zeros compress a thousandfold, past the ratio the reader believes at once: it counts them first, then reads them.</summary>
    [Fact]
    public void A_highly_compressed_honest_element_is_read()
    {
        const int Rows = 1000, Columns = 1000;
        var stream = new MemoryStream();
        new MatFileWriter(stream, compress: true).Write<double>("zeros", [Rows, Columns], new double[Rows * Columns]);
        Assert.True(stream.Length < 64 * 1024);
        using var reader = MatFileReader.Open(new MemoryStream(stream.ToArray()), "zeros.mat");
        MatArray<double> zeros = reader.ReadArray<double>("zeros");
        Assert.Equal(Rows * Columns, zeros.Values.Length);
        Assert.All(zeros.Values, v => Assert.Equal(0.0, v));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Up_to_seven_bytes_may_follow_the_array_inside_a_compressed_element(int extra, bool accepted)
    {
        byte[] x = MatBytes.Matrix("x", MatArrayClass.Double, [1, 1], MatDataType.Double, 8, BitConverter.GetBytes(2.5));
        using var reader = MatBytes.Open([.. MatBytes.Header(), .. MatBytes.Compressed([.. x, .. new byte[extra]])]);
        if (accepted) Assert.Equal([2.5], reader.ReadArray<double>("x").Values);
        else Assert.Equal("the compressed element holds more data after its array", Assert.Throws<EegFormatException>(() => reader.ReadArray<double>("x")).Reason);
    }

    [Fact]
    public void A_corrupt_zlib_checksum_is_caught_when_the_variable_is_read()
    {
        byte[] element = MatBytes.Compressed(MatBytes.Matrix("x", MatArrayClass.Double, [1, 1], MatDataType.Double, 8, BitConverter.GetBytes(2.5)));
        element[^1] ^= 0x01;
        using var reader = MatBytes.Open([.. MatBytes.Header(), .. element]);
        var e = Assert.Throws<EegFormatException>(() => reader.ReadArray<double>("x"));
        Assert.Equal("the zlib data is corrupt or fails its checksum", e.Reason);
        Assert.IsType<InvalidDataException>(e.InnerException);
    }

    /// <summary>A file of many tiny variables is indexed by name (a corrupt or hostile file may hold millions).</summary>
    [Fact]
    public void Many_variables_are_found_by_name_and_a_missing_one_lists_only_the_first()
    {
        const int Count = 50_000;
        var stream = new MemoryStream();
        var writer = new MatFileWriter(stream, compress: false);
        for (int i = 0; i < Count; i++) writer.Write<double>($"v{i}", [1, 1], [i]);
        using var reader = MatFileReader.Open(new MemoryStream(stream.ToArray()), "many.mat");
        Assert.Equal(Count, reader.Variables.Count);
        Assert.Equal([Count - 1.0], reader.ReadArray<double>($"v{Count - 1}").Values);
        var e = Assert.Throws<EegFormatException>(() => reader.ReadArray<double>("w"));
        Assert.EndsWith($"'v19' and {Count - 20} more", e.Reason);
    }
}
