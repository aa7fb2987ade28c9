using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Valence.Eeg.Formats;
using Valence.Eeg.Recordings;
using Valence.IO;

namespace Valence.Eeg.Datasets;

/// <summary>
/// Preprocessed recordings kept on disk, one entry per subject, so that preprocessing runs once per input and
/// settings. An entry is found by a key, never by a folder's existence, and is checked every time it is read.
/// </summary>
/// <remarks>
/// <para>The key is the SHA-256 of: the cache format version, the caller's canonical settings string (for example
/// the preprocessing settings' canonical JSON) and the identity of every input file (<see cref="InputFileIdentity"/>:
/// path, length, last write time, hash of the first and last MiB). Changing any of them gives a new key, so a new
/// entry; old entries stay until the folder is cleared.</para>
/// <para>Each entry is a folder named by its key holding <c>recording.bin</c> (see the format in
/// <see cref="CacheEntryFile"/>: magic, version, header, float32 samples, SHA-256) and <c>manifest.json</c> (what the
/// entry holds and what it was made from). Both are written atomically (temporary file in the same folder, then a
/// rename), data first. An entry whose data file has a bad magic, the wrong length, a bad header or a checksum
/// mismatch, or whose manifest is missing or disagrees, is rebuilt through the caller's factory.</para>
/// <para>Memory: reading allocates exactly the recording's float array; writing streams from the recording's array.</para>
/// </remarks>
public sealed class PreprocessedCache
{
    /// <summary>Bumped whenever the entry layout or the key's ingredients change, so old entries are never misread.</summary>
    public const int FormatVersion = 1;

    /// <summary>The format name written into every manifest.</summary>
    public const string ManifestFormat = "valence-preprocessed-cache/1";

    private const string DataFileName = "recording.bin";
    private const string ManifestFileName = "manifest.json";

    /// <summary>Uses (and creates when needed) <paramref name="directory"/>.</summary>
    public PreprocessedCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The preprocessed cache stores float32 little-endian and needs a little-endian machine.");
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The cache's folder.</summary>
    public string Directory { get; }

    /// <summary>The key for <paramref name="inputFiles"/> (order matters) and <paramref name="settings"/>.</summary>
    /// <exception cref="FileNotFoundException">An input file does not exist.</exception>
    public string KeyFor(IReadOnlyList<string> inputFiles, string settings) => Key(Identities(inputFiles), settings);

    /// <summary>The folder of the entry with <paramref name="key"/>.</summary>
    public string EntryDirectory(string key) => Path.Combine(Directory, key);

    /// <summary>
    /// The recording preprocessed from <paramref name="inputFiles"/> with <paramref name="settings"/>: read from the
    /// cache when a valid entry exists, otherwise made by <paramref name="build"/> and stored.
    /// </summary>
    /// <param name="inputFiles">Every file the recording is made from (for example a subject's .bdf and the ratings CSV).</param>
    /// <param name="settings">A canonical text of everything else the result depends on (such as PreprocessingSettings.CanonicalJson).</param>
    /// <param name="build">Makes the recording when the cache cannot give it.</param>
    /// <exception cref="FileNotFoundException">An input file does not exist.</exception>
    public CachedRecording GetOrCreate(IReadOnlyList<string> inputFiles, string settings, Func<SubjectRecording> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var inputs = Identities(inputFiles);
        string key = Key(inputs, settings);
        string entry = EntryDirectory(key);
        string dataPath = Path.Combine(entry, DataFileName);
        string manifestPath = Path.Combine(entry, ManifestFileName);
        string? reason = null;
        if (File.Exists(dataPath))
        {
            try
            {
                var (recording, checksum) = CacheEntryFile.Read(dataPath, key);
                RequireManifest(manifestPath, key, checksum);
                return new CachedRecording(recording, CacheOutcome.Hit, key, null);
            }
            catch (EegFormatException e)
            {
                reason = e.Message;
            }
        }
        else if (System.IO.Directory.Exists(entry))
            reason = $"{entry} exists but holds no {DataFileName}.";

        var built = build() ?? throw new InvalidOperationException("The cache's build function returned null.");
        byte[] written = [];
        AtomicFile.Write(dataPath, stream => written = CacheEntryFile.Write(stream, key, built));
        AtomicFile.Write(manifestPath, stream => WriteManifest(stream, key, settings, inputs, built, written));
        return new CachedRecording(built, reason is null ? CacheOutcome.Created : CacheOutcome.Rebuilt, key, reason);
    }

    private static InputFileIdentity[] Identities(IReadOnlyList<string> inputFiles)
    {
        ArgumentNullException.ThrowIfNull(inputFiles);
        if (inputFiles.Count == 0)
            throw new ArgumentException("A cache entry needs at least one input file to name what it was made from.", nameof(inputFiles));
        return [.. inputFiles.Select(InputFileIdentity.Of)];
    }

    private static string Key(IEnumerable<InputFileIdentity> inputs, string settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Lengths before variable texts, so that no settings string can imitate the start of an input line.
        var text = new StringBuilder($"{ManifestFormat}\nversion={FormatVersion}\nsettings={settings.Length}:{settings}\n");
        foreach (var input in inputs) text.Append("input=").Append(input.Canonical).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void RequireManifest(string path, string key, byte[] checksum)
    {
        if (!File.Exists(path))
            throw new EegFormatException(path, "file", "the manifest is missing: the entry is partial.");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("key").GetString() != key)
                throw new EegFormatException(path, "field 'key'", "the manifest names another entry.");
            if (root.GetProperty("dataSha256").GetString() != Convert.ToHexStringLower(checksum))
                throw new EegFormatException(path, "field 'dataSha256'", "the manifest describes other data.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new EegFormatException(path, "JSON", $"unreadable manifest: {e.Message}", e);
        }
    }

    private static void WriteManifest(Stream stream, string key, string settings, InputFileIdentity[] inputs, SubjectRecording r, byte[] checksum)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", ManifestFormat);
        json.WriteString("key", key);
        json.WriteString("dataFile", DataFileName);
        json.WriteString("dataSha256", Convert.ToHexStringLower(checksum));
        json.WriteNumber("subject", r.Subject);
        json.WriteNumber("trials", r.TrialCount);
        json.WriteNumber("channels", r.ChannelCount);
        json.WriteNumber("samplesPerTrial", r.SamplesPerTrial);
        json.WriteNumber("sampleRate", r.SampleRate);
        json.WriteNumber("float32Bytes", (long)r.Samples.Length * sizeof(float));
        json.WriteString("source", r.Source);
        json.WriteString("settings", settings);
        json.WriteStartArray("inputs");
        foreach (var input in inputs)
        {
            json.WriteStartObject();
            json.WriteString("path", input.FullPath);
            json.WriteNumber("length", input.Length);
            json.WriteString("lastWriteUtc", new DateTime(input.LastWriteUtcTicks, DateTimeKind.Utc).ToString("O"));
            json.WriteString("headTailSha256", input.HeadTailSha256);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
