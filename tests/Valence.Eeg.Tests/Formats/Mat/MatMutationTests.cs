using System.Buffers.Binary;
using System.IO.Compression;
using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Mat;

namespace Valence.Eeg.Tests.Formats.Mat;

/// <summary>
/// Thousands of corrupted versions of valid files: each must read cleanly or fail with EegFormatException, and
/// reading it must not allocate more than a few megabytes.
/// </summary>
public class MatMutationTests
{
    private const int MutantsPerFile = 500;

    /// <summary>The sources are at most 20 KB; the reader's bounds keep any one mutant well under this.</summary>
    private const long MaxAllocatedBytes = 8L << 20;

    private static readonly string[] Sources =
    [
        "scipy/classes.mat", "scipy/classes_compressed.mat", "deap/s01.mat", "deap/s02.mat", "hand/big_endian.mat",
        "hand/little_endian.mat", "written_by_valence_compressed.mat", "matlab/teststructnest_6.1_SOL2.mat",
        "matlab/test3dmatrix_6.1_SOL2.mat", "matlab/testcellnest_6.1_SOL2.mat", "matlab/some_functions.mat",
    ];

    [Fact]
    public void Corrupted_files_read_cleanly_or_fail_with_EegFormatException()
    {
        var random = new Random(1234);
        int failures = 0, cleanReads = 0;
        foreach (string source in Sources)
        {
            byte[] original = File.ReadAllBytes(MatFixtures.PathOf(source));
            for (int i = 0; i < MutantsPerFile; i++)
            {
                (byte[] mutant, string how) = Mutate(original, random);
                if (Exercise(mutant, $"{source}, mutant {i} ({how})")) cleanReads++;
                else failures++;
            }
        }
        // Both outcomes occur, so the mutations neither all miss nor all break the header.
        Assert.True(failures > 1000 && cleanReads > 100, $"{failures} refused, {cleanReads} read");
    }

    /// <summary>Lists and reads everything readable, then reads the file as DEAP; true when nothing was refused.</summary>
    private static bool Exercise(byte[] file, string label)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool clean = true;
        try
        {
            using var reader = MatFileReader.Open(new MemoryStream(file), label);
            foreach (MatVariableInfo info in reader.Variables.Where(v => v.IsRealNumeric)) reader.ReadArray<double>(info.Name);
        }
        catch (EegFormatException)
        {
            clean = false;
        }
        try
        {
            DeapMatReader.Read(new MemoryStream(file), "s01.mat");
        }
        catch (EegFormatException)
        {
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < MaxAllocatedBytes, $"{label}: reading allocated {allocated} bytes");
        return clean;
    }

    private static (byte[] Mutant, string How) Mutate(byte[] original, Random random)
    {
        int kind = random.Next(6);
        if (kind == 5 && CompressedElements(original).Count > 0) return MutateInsideCompressed(original, random);
        byte[] mutant = original.ToArray();
        return kind switch
        {
            0 => FlipBits(mutant, random, 0, mutant.Length),
            1 => FlipBits(mutant, random, 0, Math.Min(mutant.Length, 512)),
            2 => (mutant[..random.Next(mutant.Length)], "truncated"),
            3 => Splice(mutant, random),
            _ => OverwriteWord(mutant, random),
        };
    }

    private static (byte[], string) FlipBits(byte[] bytes, Random random, int from, int to)
    {
        int flips = 1 + random.Next(3);
        var positions = new List<int>();
        for (int i = 0; i < flips; i++)
        {
            int at = random.Next(from, to);
            bytes[at] ^= (byte)(1 << random.Next(8));
            positions.Add(at);
        }
        return (bytes, $"bits flipped at {string.Join(", ", positions)}");
    }

    /// <summary>Copies a run of the file over another place, inserts random bytes, or cuts a run out.</summary>
    private static (byte[], string) Splice(byte[] bytes, Random random)
    {
        int at = random.Next(bytes.Length), length = 1 + random.Next(Math.Min(64, bytes.Length - at));
        switch (random.Next(3))
        {
            case 0:
                int from = random.Next(bytes.Length - length + 1);
                Array.Copy(bytes, from, bytes, at, length);
                return (bytes, $"{length} bytes from {from} copied to {at}");
            case 1:
                byte[] noise = new byte[length];
                random.NextBytes(noise);
                return ([.. bytes[..at], .. noise, .. bytes[at..]], $"{length} random bytes inserted at {at}");
            default:
                return ([.. bytes[..at], .. bytes[(at + length)..]], $"{length} bytes cut at {at}");
        }
    }

    /// <summary>Sets an aligned 32-bit word (where tags, sizes and dimensions live) to a value that stresses size checks.</summary>
    private static (byte[], string) OverwriteWord(byte[] bytes, Random random)
    {
        uint[] values = [0, 1, 4, 5, 8, 14, 15, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x00040001, 0x10000000, 0xFFFF0009];
        int at = 128 + 4 * random.Next(Math.Max(1, (bytes.Length - 128) / 4));
        if (at + 4 > bytes.Length) return (bytes, "unchanged");
        uint value = values[random.Next(values.Length)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), random.Next(2) == 0 ? value : BinaryPrimitives.ReverseEndianness(value));
        return (bytes, $"word at {at} set to 0x{value:X8}");
    }

    /// <summary>Corrupts the data a miCOMPRESSED element inflates to and compresses it again, so the corruption gets past zlib's checksum to the parser.</summary>
    private static (byte[], string) MutateInsideCompressed(byte[] file, Random random)
    {
        var elements = CompressedElements(file);
        var (offset, length) = elements[random.Next(elements.Count)];
        var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(file, offset + 8, length), CompressionMode.Decompress)) zlib.CopyTo(inflated);
        (byte[] corrupt, string how) = random.Next(3) switch
        {
            0 => FlipBits(inflated.ToArray(), random, 0, (int)inflated.Length),
            1 => OverwriteInflatedWord(inflated.ToArray(), random),
            _ => (inflated.ToArray()[..random.Next((int)inflated.Length)], "truncated"),
        };
        var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(corrupt);
        byte[] tag = new byte[8];
        bool bigEndian = file[126] == 'M';
        WriteUInt32(tag, (uint)MatDataType.Compressed, bigEndian);
        WriteUInt32(tag.AsSpan(4), (uint)packed.Length, bigEndian);
        return ([.. file[..offset], .. tag, .. packed.ToArray(), .. file[(offset + 8 + length)..]], $"element at {offset} inflated, {how}, recompressed");
    }

    private static (byte[], string) OverwriteInflatedWord(byte[] bytes, Random random)
    {
        int at = 4 * random.Next(bytes.Length / 4);
        uint value = random.Next(4) switch { 0 => 0, 1 => 0xFFFFFFFF, 2 => (uint)random.Next(), _ => (uint)random.Next(32) };
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), value);
        return (bytes, $"inflated word at {at} set to 0x{value:X8}");
    }

    /// <summary>Offsets and lengths of the top-level miCOMPRESSED elements of a valid file.</summary>
    private static List<(int Offset, int Length)> CompressedElements(byte[] file)
    {
        bool bigEndian = file[126] == 'M';
        var found = new List<(int, int)>();
        for (int at = 128; at + 8 <= file.Length;)
        {
            uint type = ReadUInt32(file.AsSpan(at), bigEndian), length = ReadUInt32(file.AsSpan(at + 4), bigEndian);
            if (type == (uint)MatDataType.Compressed) found.Add((at, (int)length));
            at += 8 + (int)length;
        }
        return found;
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private static void WriteUInt32(Span<byte> bytes, uint value, bool bigEndian)
    {
        if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        else BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
    }
}
