using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Deap;
using Valence.Eeg.Formats.Edf;
using Valence.Eeg.Synthetic;

namespace Valence.Eeg.Tests.Synthetic;

/// <summary>
/// What Python read from the generator's files (tests/fixtures/check_synthetic_roundtrip.py, its output committed
/// as tests/fixtures/synthetic/roundtrip.json) equals what our readers read from the same files, written again here.
/// </summary>
public sealed class SyntheticRoundTripTests : IDisposable
{
    private static readonly SyntheticDeapOptions Options = new() { Seed = 3, SubjectCount = 2, TrialCount = 4, TrialSeconds = 4 };
    private static readonly JsonElement Python = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "synthetic", "roundtrip.json"))).RootElement;

    private readonly string _root = Directory.CreateTempSubdirectory("valence-roundtrip-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Written(DeapFormat format)
    {
        string folder = Path.Combine(_root, format.ToString());
        SyntheticDeapWriter.Write(folder, Options, format);
        return folder;
    }

    private static string Sha256<T>(ReadOnlySpan<T> values) where T : struct =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(values)));

    [Theory]
    [InlineData(DeapFormat.PreprocessedPython, "dat")]
    [InlineData(DeapFormat.PreprocessedMatlab, "mat")]
    public void Python_and_Valence_read_the_same_preprocessed_values(DeapFormat format, string key)
    {
        var deap = DeapFolder.Open(Written(format));
        foreach (var recording in deap.ReadAll())
        {
            var python = Python.GetProperty(key).GetProperty(recording.Subject.ToString());
            Assert.Equal([recording.TrialCount, recording.ChannelCount, recording.SamplesPerTrial],
                python.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
            Assert.Equal(python.GetProperty("data_sha256_f32").GetString(), Sha256(recording.Samples));
            var labels = python.GetProperty("labels").EnumerateArray().ToArray();
            for (int t = 0; t < recording.TrialCount; t++)
            {
                var r = recording.Ratings[t];
                Assert.Equal(labels[t].EnumerateArray().Select(v => v.GetDouble()), new double[] { r.Valence, r.Arousal, r.Dominance, r.Liking });
            }
        }
    }

    [Fact]
    public void Python_and_Valence_read_the_same_raw_samples_and_ratings()
    {
        string folder = Written(DeapFormat.Raw);
        foreach (int subject in new[] { 1, 2 })
        {
            var python = Python.GetProperty("bdf").GetProperty(subject.ToString());
            using var bdf = EdfReader.Open(Path.Combine(folder, $"s{subject:D2}.bdf"));
            Assert.Equal(python.GetProperty("signals").GetInt32(), bdf.Header.Signals.Count);
            Assert.Equal(python.GetProperty("labels").EnumerateArray().Select(l => l.GetString()), bdf.Header.Signals.Select(s => s.Label));
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            for (int s = 0; s < bdf.Header.Signals.Count; s++)
                hash.AppendData(MemoryMarshal.AsBytes(bdf.ReadDigital(s).AsSpan()));
            Assert.Equal(python.GetProperty("digital_sha256_i32").GetString(), Convert.ToHexStringLower(hash.GetHashAndReset()));
            Assert.Equal(4, python.GetProperty("video_onsets").GetInt32());
        }

        var table = DeapRatingsTable.Load(Path.Combine(folder, DeapFolder.RatingsFileName));
        var rows = Python.GetProperty("ratings_csv").EnumerateArray().ToArray();
        Assert.Equal(rows.Length, table.Rows.Count);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(int.Parse(rows[i].GetProperty("Experiment_id").GetString()!), table.Rows[i].ExperimentId);
            Assert.Equal(float.Parse(rows[i].GetProperty("Valence").GetString()!, System.Globalization.CultureInfo.InvariantCulture), table.Rows[i].Ratings.Valence);
        }
    }
}
