using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Valence.Eeg.Formats;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Datasets;

/// <summary>
/// The data file of a cache entry: one preprocessed recording, float32, checked on reading.
/// </summary>
/// <remarks>
/// Layout (little-endian): 8-byte magic "VLNCPREP"; uint32 format version; uint32 header length H; H bytes of UTF-8
/// JSON (key, subject, trial count, channel names, samples per trial, sample rate, baseline, source, ratings); the
/// samples as float32, trial-major then channel-major; a SHA-256 of every byte before it. Reading checks the magic,
/// the version, the header, the key, the exact file length (before allocating) and the checksum.
/// </remarks>
internal static class CacheEntryFile
{
    public const uint Version = PreprocessedCache.FormatVersion;
    private const int FixedHeader = 16;
    private const int MaxHeader = 16 << 20;
    private static ReadOnlySpan<byte> Magic => "VLNCPREP"u8;

    /// <summary>Writes <paramref name="recording"/> under <paramref name="key"/>; returns the checksum written.</summary>
    public static byte[] Write(Stream stream, string key, SubjectRecording recording)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] header = Header(key, recording);
        var start = new byte[FixedHeader];
        Magic.CopyTo(start);
        BinaryPrimitives.WriteUInt32LittleEndian(start.AsSpan(8), Version);
        BinaryPrimitives.WriteUInt32LittleEndian(start.AsSpan(12), (uint)header.Length);
        Emit(stream, hash, start);
        Emit(stream, hash, header);
        Emit(stream, hash, MemoryMarshal.AsBytes(recording.Samples));
        byte[] checksum = hash.GetHashAndReset();
        stream.Write(checksum);
        return checksum;
    }

    /// <summary>Reads and checks an entry written under <paramref name="key"/>; returns the recording and its checksum.</summary>
    /// <exception cref="EegFormatException">Anything is wrong; the message says what and where.</exception>
    public static (SubjectRecording Recording, byte[] Checksum) Read(string path, string key)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = stream.Length;
        if (length < FixedHeader + SHA256.HashSizeInBytes)
            throw new EegFormatException(path, "byte 0", $"{length} bytes is shorter than the fixed header and checksum.");
        var start = new byte[FixedHeader];
        stream.ReadExactly(start);
        hash.AppendData(start);
        if (!start.AsSpan(0, 8).SequenceEqual(Magic))
            throw new EegFormatException(path, "byte 0", "bad magic: not a Valence preprocessed-cache entry.");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(start.AsSpan(8));
        if (version != Version)
            throw new EegFormatException(path, "byte 8", $"format version {version}, expected {Version}.");
        uint headerLength = BinaryPrimitives.ReadUInt32LittleEndian(start.AsSpan(12));
        if (headerLength > MaxHeader || headerLength > length - FixedHeader - SHA256.HashSizeInBytes)
            throw new EegFormatException(path, "byte 12", $"header length {headerLength} does not fit in the {length}-byte file.");
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        hash.AppendData(header);
        var h = ParseHeader(path, header, key);
        long count = (long)h.Trials * h.Channels.Length * h.SamplesPerTrial;
        long expected = FixedHeader + headerLength + count * sizeof(float) + SHA256.HashSizeInBytes;
        if (count > Array.MaxLength || expected != length)
            throw new EegFormatException(path, $"byte {FixedHeader + headerLength}",
                $"the header promises {count} samples ({expected} bytes in all), but the file has {length} bytes.");
        var samples = new float[count];
        var bytes = MemoryMarshal.AsBytes(samples.AsSpan());
        stream.ReadExactly(bytes);
        hash.AppendData(bytes);
        var stored = new byte[SHA256.HashSizeInBytes];
        stream.ReadExactly(stored);
        byte[] actual = hash.GetHashAndReset();
        if (!stored.AsSpan().SequenceEqual(actual))
            throw new EegFormatException(path, $"byte {length - SHA256.HashSizeInBytes}", "checksum mismatch: the entry is corrupt.");
        try
        {
            return (new SubjectRecording(h.Subject, samples, h.Trials, h.Channels, h.SampleRate, h.Ratings, h.BaselineSeconds, h.Source), actual);
        }
        catch (ArgumentException e)
        {
            throw new EegFormatException(path, "header", e.Message, e);
        }
    }

    private static void Emit(Stream stream, IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        hash.AppendData(bytes);
        stream.Write(bytes);
    }

    private static byte[] Header(string key, SubjectRecording r)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("key", key);
            json.WriteNumber("subject", r.Subject);
            json.WriteNumber("trials", r.TrialCount);
            json.WriteNumber("samplesPerTrial", r.SamplesPerTrial);
            json.WriteNumber("sampleRate", r.SampleRate);
            json.WriteNumber("baselineSeconds", r.BaselineSeconds);
            json.WriteString("source", r.Source);
            json.WriteStartArray("channels");
            foreach (var c in r.ChannelNames) json.WriteStringValue(c);
            json.WriteEndArray();
            json.WriteStartArray("ratings");
            foreach (var t in r.Ratings)
            {
                json.WriteStartArray();
                json.WriteNumberValue(t.Valence);
                json.WriteNumberValue(t.Arousal);
                json.WriteNumberValue(t.Dominance);
                json.WriteNumberValue(t.Liking);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private sealed record ParsedHeader(int Subject, int Trials, int SamplesPerTrial, double SampleRate, double BaselineSeconds,
        string Source, string[] Channels, Ratings[] Ratings);

    private static ParsedHeader ParseHeader(string path, byte[] header, string key)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            var root = document.RootElement;
            string stored = root.GetProperty("key").GetString() ?? "";
            if (stored != key)
                throw new EegFormatException(path, "header field 'key'", $"the entry holds key {stored}, not {key}.");
            int trials = root.GetProperty("trials").GetInt32();
            var ratings = root.GetProperty("ratings").EnumerateArray().Select(r =>
            {
                var v = r.EnumerateArray().Select(x => x.GetSingle()).ToArray();
                return v.Length == 4 ? new Ratings(v[0], v[1], v[2], v[3]) : throw new FormatException("a rating needs 4 values");
            }).ToArray();
            var channels = root.GetProperty("channels").EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
            int samplesPerTrial = root.GetProperty("samplesPerTrial").GetInt32();
            if (trials <= 0 || samplesPerTrial <= 0 || channels.Length == 0)
                throw new FormatException($"{trials} trials, {channels.Length} channels, {samplesPerTrial} samples per trial");
            return new ParsedHeader(root.GetProperty("subject").GetInt32(), trials, samplesPerTrial,
                root.GetProperty("sampleRate").GetDouble(), root.GetProperty("baselineSeconds").GetDouble(),
                root.GetProperty("source").GetString() ?? "", channels, ratings);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            throw new EegFormatException(path, $"header (bytes {FixedHeader}–{FixedHeader + header.Length})", $"unreadable: {e.Message}", e);
        }
    }
}
