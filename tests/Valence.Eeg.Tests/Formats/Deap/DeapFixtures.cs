using System.Text.Json;
using Valence.Eeg.Formats.Deap;
using Valence.Eeg.Tests.Formats.Edf;

namespace Valence.Eeg.Tests.Formats.Deap;

/// <summary>The DEAP-like raw files of make_edf.py: 16 Hz, 3 trials of 2 s with 1 s of baseline, and their expected trials.</summary>
internal static class DeapFixtures
{
    public static readonly DeapRawOptions Options = new() { TrialSeconds = 2, BaselineSeconds = 1, TrialCount = 3 };

    public static string PathOf(string name) => EdfFixtures.PathOf(Path.Combine("deap", name));

    public static string RatingsPath => PathOf("participant_ratings.csv");

    public static JsonElement Expected { get; } =
        JsonDocument.Parse(File.ReadAllText(PathOf("expected.json"))).RootElement;

    public static JsonElement ExpectedFile(string name) =>
        Expected.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == name);

    /// <summary>make_edf.py's formula for the digital value of channel <paramref name="key"/> at sample <paramref name="t"/> of the file.</summary>
    public static long Digital(int key, int participant, long t) =>
        ((key + 1) * 7919L + t * 104729L + participant * 15485863L) % 400001 - 200000;

    /// <summary>The physical value of a digital value under BioSemi's ranges (−262144..262143 over −8388608..8388607).</summary>
    public static double Physical(long digital) => -262144 + (digital + 8388608.0) * (262143.0 + 262144.0) / (8388607.0 + 8388608.0);

    /// <summary>The key the formula uses for a channel: its Geneva index, or 32 + its index among DEAP's peripheral labels.</summary>
    public static int Key(string channel)
    {
        string[] geneva = Expected.GetProperty("geneva").EnumerateArray().Select(e => e.GetString()!).ToArray();
        string[] peripheral = Expected.GetProperty("peripheral_keys").EnumerateArray().Select(e => e.GetString()!).ToArray();
        int g = Array.IndexOf(geneva, channel);
        return g >= 0 ? g : 32 + Array.IndexOf(peripheral, channel);
    }
}
