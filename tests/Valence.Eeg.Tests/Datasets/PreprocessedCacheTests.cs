using Valence.Eeg.Datasets;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Datasets;

public sealed class PreprocessedCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"valence-cache-test-{Guid.NewGuid():N}");
    private readonly string _input;
    private readonly PreprocessedCache _cache;
    private int _builds;

    public PreprocessedCacheTests()
    {
        Directory.CreateDirectory(_root);
        _input = Path.Combine(_root, "s01.dat");
        File.WriteAllBytes(_input, [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))]);
        _cache = new PreprocessedCache(Path.Combine(_root, "cache"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private SubjectRecording Build()
    {
        _builds++;
        return TestRecordings.Make(1, [new(1.5f, 8.25f, 3, 9), new(5, 5, 5, 5)], channels: 3, trialSeconds: 2, baselineSeconds: 1);
    }

    private CachedRecording Get(string settings = "{\"bandPass\":[4,45]}") => _cache.GetOrCreate([_input], settings, Build);

    private static void AssertSame(SubjectRecording expected, SubjectRecording actual)
    {
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.TrialCount, actual.TrialCount);
        Assert.Equal(expected.ChannelNames, actual.ChannelNames);
        Assert.Equal(expected.SampleRate, actual.SampleRate);
        Assert.Equal(expected.BaselineSeconds, actual.BaselineSeconds);
        Assert.Equal(expected.Ratings, actual.Ratings);
        Assert.Equal(expected.Source, actual.Source);
        Assert.True(expected.Samples.SequenceEqual(actual.Samples));
    }

    private string DataFile(CachedRecording r) => Path.Combine(_cache.EntryDirectory(r.Key), "recording.bin");

    [Fact]
    public void First_call_creates_the_second_reads_the_same_recording_without_building()
    {
        var first = Get();
        Assert.Equal(CacheOutcome.Created, first.Outcome);
        var second = Get();
        Assert.Equal(CacheOutcome.Hit, second.Outcome);
        Assert.Equal(1, _builds);
        Assert.Equal(first.Key, second.Key);
        AssertSame(first.Recording, second.Recording);
        string manifest = File.ReadAllText(Path.Combine(_cache.EntryDirectory(first.Key), "manifest.json"));
        Assert.Contains("\"subject\": 1", manifest);
        Assert.Contains(_input, manifest);
        Assert.Contains("bandPass", manifest);
        // Magic, version and header length; the header; 2 trials × 3 channels × 3 s × 128 Hz of float32; SHA-256.
        var bytes = File.ReadAllBytes(DataFile(first));
        Assert.Equal("VLNCPREP"u8.ToArray(), bytes[..8]);
        Assert.Equal(16L + BitConverter.ToUInt32(bytes, 12) + 2 * 3 * 3 * 128 * 4 + 32, bytes.LongLength);
    }

    [Fact]
    public void Changed_settings_make_a_new_entry()
    {
        var a = Get("{\"bandPass\":[4,45]}");
        var b = Get("{\"bandPass\":[4,40]}");
        Assert.Equal(CacheOutcome.Created, b.Outcome);
        Assert.NotEqual(a.Key, b.Key);
        Assert.Equal(CacheOutcome.Hit, Get("{\"bandPass\":[4,45]}").Outcome);
        Assert.Equal(2, _builds);
    }

    [Fact]
    public void A_changed_input_file_makes_a_new_entry_whether_length_time_or_content_changes()
    {
        string original = Get().Key;
        var time = File.GetLastWriteTimeUtc(_input);

        File.SetLastWriteTimeUtc(_input, time.AddSeconds(-10));   // time only
        string byTime = Get().Key;
        Assert.NotEqual(original, byTime);

        var bytes = File.ReadAllBytes(_input);
        bytes[^1] ^= 1;                                           // content only: same length, same time
        File.WriteAllBytes(_input, bytes);
        File.SetLastWriteTimeUtc(_input, time.AddSeconds(-10));
        string byContent = Get().Key;
        Assert.NotEqual(byTime, byContent);

        File.WriteAllBytes(_input, [.. bytes, 0]);                // length
        File.SetLastWriteTimeUtc(_input, time.AddSeconds(-10));
        Assert.NotEqual(byContent, Get().Key);

        var other = Path.Combine(_root, "s02.dat");               // another path, same bytes
        File.Copy(_input, other);
        Assert.NotEqual(_cache.KeyFor([_input], "x"), _cache.KeyFor([other], "x"));
        Assert.NotEqual(_cache.KeyFor([_input, other], "x"), _cache.KeyFor([other, _input], "x"));
        Assert.Equal(4, _builds);
    }

    [Fact]
    public void Large_inputs_hash_their_head_and_tail()
    {
        var big = Path.Combine(_root, "big.bin");
        var bytes = new byte[3 << 20];
        File.WriteAllBytes(big, bytes);
        var time = File.GetLastWriteTimeUtc(big);
        string Hash() => InputFileIdentity.Of(big).HeadTailSha256;
        string before = Hash();
        bytes[^1] = 1;   // the tail
        File.WriteAllBytes(big, bytes);
        Assert.NotEqual(before, Hash());
        bytes[^1] = 0;
        bytes[3 << 19] = 1;   // the middle: documented as not hashed
        File.WriteAllBytes(big, bytes);
        File.SetLastWriteTimeUtc(big, time);
        Assert.Equal(before, Hash());
    }

    public static TheoryData<string> Corruptions => ["flip-sample", "flip-checksum", "truncate", "magic", "version", "header-length", "header-json", "extra-byte", "empty", "no-manifest", "manifest-of-other-data", "empty-folder"];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void A_corrupt_or_partial_entry_is_detected_and_rebuilt(string corruption)
    {
        var created = Get();
        string data = DataFile(created);
        string manifest = Path.Combine(_cache.EntryDirectory(created.Key), "manifest.json");
        var bytes = File.ReadAllBytes(data);
        switch (corruption)
        {
            case "flip-sample": bytes[bytes.Length - 100] ^= 0x10; break;
            case "flip-checksum": bytes[^1] ^= 0x01; break;
            case "truncate": bytes = bytes[..^7]; break;
            case "magic": bytes[0] = (byte)'X'; break;
            case "version": bytes[8] = 9; break;
            case "header-length": bytes[14] = 0x7F; break;
            case "header-json": bytes[20] = (byte)'#'; break;
            case "extra-byte": bytes = [.. bytes, 0]; break;
            case "empty": bytes = []; break;
        }
        File.WriteAllBytes(data, bytes);
        if (corruption == "no-manifest") File.Delete(manifest);
        if (corruption == "manifest-of-other-data") File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"dataSha256\": \"", "\"dataSha256\": \"0"));
        if (corruption == "empty-folder")
        {
            File.Delete(data);
            File.Delete(manifest);
        }

        var rebuilt = Get();
        Assert.Equal(CacheOutcome.Rebuilt, rebuilt.Outcome);
        Assert.NotNull(rebuilt.RebuildReason);
        Assert.Equal(2, _builds);
        var again = Get();
        Assert.Equal(CacheOutcome.Hit, again.Outcome);
        AssertSame(created.Recording, again.Recording);
    }

    [Fact]
    public void Writes_leave_no_temporary_files_even_when_building_fails()
    {
        Get();
        Get("other");
        Assert.Throws<InvalidOperationException>(() => _cache.GetOrCreate([_input], "failing", () => throw new InvalidOperationException("boom")));
        var files = Directory.GetFiles(_cache.Directory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray();
        Assert.Equal(4, files.Length);
        Assert.All(files, f => Assert.True(f is "recording.bin" or "manifest.json", f));
        Assert.False(Directory.Exists(_cache.EntryDirectory(_cache.KeyFor([_input], "failing"))));
    }

    [Fact]
    public void Missing_inputs_and_empty_input_lists_are_refused()
    {
        Assert.Throws<FileNotFoundException>(() => _cache.GetOrCreate([Path.Combine(_root, "nope.dat")], "s", Build));
        Assert.Throws<ArgumentException>(() => _cache.GetOrCreate([], "s", Build));
        Assert.Equal(0, _builds);
    }
}
