using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Mat;

namespace Valence.Eeg.Tests.Formats.Mat;

public class MatFileReaderTests
{
    public static TheoryData<string> ReadableFiles => new(MatFixtures.ReadableFiles);

    public static TheoryData<string, string> RefusedFiles
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (file, version) in MatFixtures.RefusedFiles) data.Add(file, version);
            return data;
        }
    }

    public static TheoryData<string> CorruptFiles => new(MatFixtures.CorruptFiles);

    private static readonly Dictionary<string, MatArrayClass> KindClasses = new()
    {
        ["char"] = MatArrayClass.Char, ["struct"] = MatArrayClass.Struct, ["cell"] = MatArrayClass.Cell,
        ["sparse"] = MatArrayClass.Sparse, ["function"] = MatArrayClass.Function, ["object"] = MatArrayClass.Object,
    };

    [Theory]
    [MemberData(nameof(ReadableFiles))]
    public void Every_variable_lists_and_reads_as_scipy_reads_it(string file)
    {
        using var reader = MatFileReader.Open(MatFixtures.PathOf(file));
        var expected = MatFixtures.Variables(file);
        Assert.Equal(expected.Select(v => v.Name), reader.Variables.Select(v => v.Name));
        foreach (var variable in expected)
        {
            MatVariableInfo info = reader.Find(variable.Name)!;
            switch (variable.Kind)
            {
                case "numeric": AssertReadsAsExpected(reader, info, variable); break;
                case "complex":
                    Assert.True(info.IsComplex);
                    Assert.Contains("complex", Assert.Throws<EegFormatException>(() => reader.ReadArray<double>(variable.Name)).Reason);
                    break;
                default:
                    Assert.Equal(KindClasses[variable.Kind], info.Class);
                    Assert.Contains("not a numeric", Assert.Throws<EegFormatException>(() => reader.ReadArray<double>(variable.Name)).Reason);
                    break;
            }
        }
    }

    private static void AssertReadsAsExpected(MatFileReader reader, MatVariableInfo info, ExpectedVariable expected)
    {
        Assert.Equal(Enum.Parse<MatArrayClass>(expected.Class!, ignoreCase: true), info.Class);
        Assert.Equal(expected.Logical, info.IsLogical);
        Assert.Equal(expected.Shape, info.Dimensions);
        MatArray<double> doubles = reader.ReadArray<double>(expected.Name);
        Assert.Equal(expected.Shape, doubles.Dimensions);
        Assert.Equal(expected.Values, doubles.Values);
        MatArray<float> floats = reader.ReadArray<float>(expected.Name);
        Assert.Equal(expected.Values.Select(v => (float)v), floats.Values);
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void Version_7_3_and_version_4_files_are_refused_by_name(string file, string version)
    {
        var e = Assert.Throws<EegFormatException>(() => MatFileReader.Open(MatFixtures.PathOf(file)));
        Assert.Equal(version == "v7.3"
            ? "MATLAB v7.3 (HDF5) is not supported; re-save with -v7 or use the .dat files"
            : "MATLAB v4 files are not supported; re-save with -v7 or use the .dat files", e.Reason);
        Assert.Equal(MatFixtures.PathOf(file), e.Path);
    }

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void Files_scipy_refuses_as_corrupt_are_refused(string file)
    {
        var e = Assert.Throws<EegFormatException>(() =>
        {
            using var reader = MatFileReader.Open(MatFixtures.PathOf(file));
            foreach (var info in reader.Variables.Where(v => v.IsRealNumeric)) reader.ReadArray<double>(info.Name);
        });
        Assert.Contains("byte", e.Place);
    }

    [Fact]
    public void Byte_order_compression_and_header_text_are_reported()
    {
        using var big = MatFileReader.Open(MatFixtures.PathOf("hand/big_endian.mat"));
        using var little = MatFileReader.Open(MatFixtures.PathOf("hand/little_endian.mat"));
        Assert.True(big.IsBigEndian);
        Assert.False(little.IsBigEndian);
        Assert.Equal("MATLAB 5.0 MAT-file, written by hand by make_mat.py", big.HeaderText);
        Assert.True(big.Find("zd")!.IsCompressed);
        Assert.False(big.Find("d")!.IsCompressed);
        Assert.Equal("2×2×3", big.Find("cube")!.Shape);
    }

    [Fact]
    public void Reading_a_missing_variable_names_the_ones_there_are()
    {
        using var reader = MatFileReader.Open(MatFixtures.PathOf("deap/s01.mat"));
        var e = Assert.Throws<EegFormatException>(() => reader.ReadArray<float>("labelz"));
        Assert.Equal("variable 'labelz'", e.Place);
        Assert.Contains("'data', 'labels'", e.Reason);
        Assert.Null(reader.Find("labelz"));
    }
}
