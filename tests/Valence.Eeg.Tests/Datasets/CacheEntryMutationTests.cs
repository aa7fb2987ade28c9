using Valence.Eeg.Datasets;
using Valence.Eeg.Formats;

namespace Valence.Eeg.Tests.Datasets;

/// <summary>Thousands of corrupted cache entries and normaliser texts: each gives a clean result or EegFormatException, nothing else.</summary>
public sealed class CacheEntryMutationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"valence-cache-mutation-{Guid.NewGuid():N}");

    public CacheEntryMutationTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Corrupted_entry_files_are_read_or_refused_cleanly()
    {
        var recording = TestRecordings.Make(3, [new(1, 2, 3, 4), new(9, 8, 7, 6)], channels: 2, trialSeconds: 1, baselineSeconds: 0.5);
        using var buffer = new MemoryStream();
        CacheEntryFile.Write(buffer, "key", recording);
        byte[] valid = buffer.ToArray();
        string path = Path.Combine(_directory, "entry.bin");
        var random = new Random(17);
        int clean = 0, refused = 0;
        for (int i = 0; i < 2000; i++)
        {
            File.WriteAllBytes(path, Mutate(valid, random));
            try
            {
                CacheEntryFile.Read(path, "key");
                clean++;
            }
            catch (EegFormatException e)
            {
                Assert.Equal(path, e.Path);
                refused++;
            }
        }
        Assert.True(refused > 1900, $"{refused} refused, {clean} read");
    }

    [Fact]
    public void Corrupted_normaliser_texts_are_read_or_refused_cleanly()
    {
        var samples = Enumerable.Range(0, 2 * 3 * 256).Select(i => MathF.Sin(i * 0.1f) * (1 + i % 3)).ToArray();
        var recording = new Valence.Eeg.Recordings.SubjectRecording(1, samples, 2, ["A", "B", "C"], 128,
            [new(5, 5, 5, 5), new(1, 1, 1, 1)], 0, "t");
        var windows = new WindowSet(new TrialSet([recording]), WindowSettings.Paper);
        byte[] valid = System.Text.Encoding.UTF8.GetBytes(Normalizer.Fit(windows, [0, 1], NormalizerSettings.Default).ToJson());
        var random = new Random(23);
        for (int i = 0; i < 3000; i++)
        {
            string text = System.Text.Encoding.UTF8.GetString(Mutate(valid, random));
            try
            {
                Normalizer.FromJson(text, "mutant");
            }
            catch (EegFormatException e)
            {
                Assert.Equal("mutant", e.Path);
            }
        }
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = valid.ToArray();
        switch (random.Next(4))
        {
            case 0:
                for (int k = random.Next(1, 4); k > 0; k--) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                int from = random.Next(bytes.Length), to = random.Next(bytes.Length), length = random.Next(1, 64);
                length = Math.Min(length, Math.Min(bytes.Length - from, bytes.Length - to));
                Array.Copy(valid, from, bytes, to, length);
                return bytes;
            default:
                // A size-like field overwritten with a large value.
                int at = random.Next(Math.Max(1, bytes.Length - 4));
                BitConverter.TryWriteBytes(bytes.AsSpan(at), random.Next(2) == 0 ? int.MaxValue : random.Next());
                return bytes;
        }
    }
}
