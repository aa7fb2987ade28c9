using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Pickle;
using static Valence.Eeg.Tests.Formats.Pickle.PickleFixtures;

namespace Valence.Eeg.Tests.Formats.Pickle;

/// <summary>
/// Thousands of corrupted versions of the valid fixtures (bit flips, truncations, overwritten, deleted, duplicated
/// and spliced bytes): each must read cleanly or be refused with an <see cref="EegFormatException"/>, nothing else.
/// </summary>
public class PickleMutationTests
{
    private const int MutationsPerFile = 160;

    private static readonly string[] Sources =
    [
        .. Entries("deap").Select(e => Text(e["file"])),
        .. Entries("dtypes").Select(e => Text(e["file"])),
        .. Entries("general").Select(e => Text(e["file"])),
        "written_by_valence.dat", "written_by_valence_f32.dat", "shared_p0.dat", "shared_p4.dat",
    ];

    private static readonly byte[][] Originals = [.. Sources.Select(Bytes)];

    private static readonly PickleLimits Deferring = new() { DeferredPayloadBytes = 16 };

    public static TheoryData<int> SourceIndexes => [.. Enumerable.Range(0, Sources.Length)];

    [Theory]
    [MemberData(nameof(SourceIndexes))]
    public void Corrupted_pickles_read_cleanly_or_raise_EegFormatException(int source)
    {
        var random = new Random(1000 + source);
        var failures = new List<string>();
        for (int i = 0; i < MutationsPerFile; i++)
        {
            var (bytes, how) = Mutate(Originals[source], random);
            var limits = i % 2 == 0 ? PickleLimits.Default : Deferring;
            try
            {
                Consume(bytes, limits);
            }
            catch (EegFormatException)
            {
            }
            catch (Exception e)
            {
                failures.Add($"{Sources[source]} mutation {i} ({how}): {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void The_mutations_are_mostly_refused_and_sometimes_read()
    {
        var random = new Random(7);
        int refused = 0, read = 0;
        var original = Bytes("deap_py2_p2_f8.dat");
        for (int i = 0; i < 400; i++)
        {
            try
            {
                Consume(Mutate(original, random).Bytes, PickleLimits.Default);
                read++;
            }
            catch (EegFormatException)
            {
                refused++;
            }
        }
        Assert.InRange(refused, 100, 399);
        Assert.InRange(read, 1, 300);
    }

    /// <summary>What a caller does with a pickle: the DEAP reader for DEAP files; otherwise unpickle and convert every array.</summary>
    private static void Consume(byte[] bytes, PickleLimits limits)
    {
        try
        {
            DeapDatReader.Read(new MemoryStream(bytes), "mutated.dat", 1, null, limits);
            return;
        }
        catch (EegFormatException e) when (!e.Place.StartsWith("byte "))
        {
            // Not a DEAP dict: still unpickled without trouble, so also convert whatever arrays it holds.
        }
        var value = RestrictedUnpickler.Load(new MemoryStream(bytes), "mutated.dat", limits);
        if (value is not PickleDict dict) return;
        foreach (var entry in dict.Entries)
        {
            if (entry.Value is not NumpyArray array || array.ElementCount > 1 << 20) continue;
            try
            {
                array.CopyTo(new float[array.ElementCount]);
            }
            catch (PickleException e)
            {
                throw new EegFormatException("mutated.dat", "array", e.Message);
            }
        }
    }

    private static (byte[] Bytes, string How) Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        int at = random.Next(bytes.Count);
        switch (random.Next(7))
        {
            case 0:
                int flips = random.Next(1, 5);
                for (int f = 0; f < flips; f++) bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                return ([.. bytes], $"{flips} bit flips");
            case 1:
                return ([.. bytes.Take(at)], $"truncated at {at}");
            case 2:
                byte[] interesting = [0x00, 0xFF, 0x7F, 0x80, (byte)'(', (byte)'.', (byte)'t', 0x95];
                int count = random.Next(1, 9);
                for (int k = 0; k < count && at + k < bytes.Count; k++)
                    bytes[at + k] = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
                return ([.. bytes], $"{count} bytes overwritten at {at}");
            case 3:
                int deleted = Math.Min(random.Next(1, 64), bytes.Count - at);
                bytes.RemoveRange(at, deleted);
                return ([.. bytes], $"{deleted} bytes deleted at {at}");
            case 4:
                int length = Math.Min(random.Next(1, 64), bytes.Count - at);
                bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                return ([.. bytes], $"{length} bytes from {at} duplicated");
            default:
                var donor = Originals[random.Next(Originals.Length)];
                int from = random.Next(donor.Length), spliced = Math.Min(random.Next(1, 128), donor.Length - from);
                if (random.Next(2) == 0) bytes.RemoveRange(at, Math.Min(spliced, bytes.Count - at));
                bytes.InsertRange(at, donor.Skip(from).Take(spliced));
                return ([.. bytes], $"{spliced} bytes spliced in at {at}");
        }
    }
}
