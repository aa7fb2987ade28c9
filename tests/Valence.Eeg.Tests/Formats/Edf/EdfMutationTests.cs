using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Edf;
using static Valence.Eeg.Tests.Formats.Edf.EdfFixtures;

namespace Valence.Eeg.Tests.Formats.Edf;

/// <summary>Thousands of corrupted fixtures: each reads cleanly or is refused with an EegFormatException, nothing else.</summary>
public class EdfMutationTests
{
    public static TheoryData<string> Files => new([.. Described, "deap/s29.bdf"]);

    /// <summary>The header's number fields: the fixed ones, then each signal's in its column.</summary>
    internal static List<(int Offset, int Width)> NumberFields(int signalCount)
    {
        var fields = new List<(int, int)> { (168, 8), (176, 8), (184, 8), (236, 8), (244, 8), (252, 4) };
        (int Column, int Width)[] columns = [(16 + 80 + 8, 8), (16 + 80 + 16, 8), (16 + 80 + 24, 8), (16 + 80 + 32, 8), (16 + 80 + 40 + 80, 8)];
        foreach ((int column, int width) in columns)
            for (int s = 0; s < signalCount; s++)
                fields.Add((256 + column * signalCount + s * width, width));
        return fields;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Corrupted_files_read_cleanly_or_give_EegFormatException(string name)
    {
        byte[] original = Bytes(name);
        int signalCount = int.Parse(System.Text.Encoding.ASCII.GetString(original, 252, 4));
        var fields = NumberFields(signalCount);
        var random = new Random(name.Aggregate(17, (h, c) => h * 31 + c)); // string.GetHashCode changes between runs
        int refused = 0;
        const int mutations = 1500;
        for (int i = 0; i < mutations; i++)
        {
            (byte[] bytes, string what) = ByteMutations.Mutate(original, random, fields);
            try
            {
                ReadEverything(bytes, name);
            }
            catch (EegFormatException)
            {
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{name}, mutation {i} ({what}): {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.InRange(refused, mutations / 10, mutations);
    }

    private static void ReadEverything(byte[] bytes, string name)
    {
        using var reader = new EdfReader(new MemoryStream(bytes), name);
        foreach (EdfSignalHeader signal in reader.Header.Signals)
        {
            if (signal.IsAnnotation) continue;
            reader.ReadDigital(signal.Index);
            float[] all = reader.ReadPhysical(signal.Index);
            if (all.Length > 2) reader.ReadPhysical(signal.Index, 1, all.Length - 2);
        }
        reader.ReadTimeline();
    }
}
