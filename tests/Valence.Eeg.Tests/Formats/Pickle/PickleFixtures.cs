using System.Text.Json.Nodes;
using Valence.Eeg.Formats.Pickle;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Formats.Pickle;

/// <summary>The files tests/fixtures/make_pickle.py wrote, its manifest, and the formulas it used.</summary>
internal static class PickleFixtures
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "pickle");

    public static JsonObject Manifest { get; } = JsonNode.Parse(File.ReadAllText(PathOf("manifest.json")))!.AsObject();

    public static string PathOf(string file) => Path.Combine(Folder, file);

    public static byte[] Bytes(string file) => File.ReadAllBytes(PathOf(file));

    public static IEnumerable<JsonObject> Entries(string section) => Manifest[section]!.AsArray().Select(e => e!.AsObject());

    public static TheoryData<string> Files(string section) => [.. Entries(section).Select(e => (string)e["file"]!)];

    public static JsonObject Entry(string section, string file) => Entries(section).Single(e => (string)e["file"]! == file);

    /// <summary>make_pickle.py's <c>sample(t, c, s)</c>, the same IEEE operations in the same order.</summary>
    public static double Sample(int t, int c, int s) => ((t * 7919 + c * 104729 + s * 31) % 2001 - 1000) / 7.0 + 0.25 * c;

    /// <summary>make_pickle.py's <c>rating(t, k)</c>.</summary>
    public static double Rating(int t, int k) => 1.0 + ((t * 37 + k * 11) % 81) / 10.0;

    public static int Int(JsonNode? node) => node!.GetValue<int>();

    public static string Text(JsonNode? node) => node!.GetValue<string>();

    /// <summary>A recording whose samples and ratings are the formulas' values as float32.</summary>
    public static SubjectRecording FormulaRecording(int trials, int channels, int samples, int subject = 1)
    {
        var values = new float[trials * channels * samples];
        for (int t = 0, i = 0; t < trials; t++)
            for (int c = 0; c < channels; c++)
                for (int s = 0; s < samples; s++)
                    values[i++] = (float)Sample(t, c, s);
        var ratings = Enumerable.Range(0, trials)
            .Select(t => new Ratings((float)Rating(t, 0), (float)Rating(t, 1), (float)Rating(t, 2), (float)Rating(t, 3))).ToArray();
        return new SubjectRecording(subject, values, trials, DeapDatReader.DefaultChannelNames(channels), 128, ratings, 3, "formula");
    }

    /// <summary>Asserts that the recording holds the formulas' values, as float32, trial by trial.</summary>
    public static void AssertFormulaValues(SubjectRecording recording, int trials, int channels, int samples)
    {
        Assert.Equal((trials, channels, samples), (recording.TrialCount, recording.ChannelCount, recording.SamplesPerTrial));
        for (int t = 0; t < trials; t++)
        {
            Assert.Equal(new Ratings((float)Rating(t, 0), (float)Rating(t, 1), (float)Rating(t, 2), (float)Rating(t, 3)), recording.Ratings[t]);
            for (int c = 0; c < channels; c++)
            {
                var channel = recording.Channel(t, c);
                for (int s = 0; s < samples; s++)
                    if (channel[s] != (float)Sample(t, c, s))
                        Assert.Fail($"data[{t}, {c}, {s}] is {channel[s]}, expected {(float)Sample(t, c, s)}");
            }
        }
    }
}
