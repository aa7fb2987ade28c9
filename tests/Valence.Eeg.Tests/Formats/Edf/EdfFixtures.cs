using System.Text.Json;

namespace Valence.Eeg.Tests.Formats.Edf;

/// <summary>The files written by tests/fixtures/make_edf.py and what they must read as.</summary>
internal static class EdfFixtures
{
    /// <summary>Every EDF/BDF fixture with a JSON description beside it.</summary>
    public static readonly string[] Described = ["two_rates.edf", "unknown_count.edf", "annotations.edf", "gap.edf", "annotations_only.edf", "status.bdf"];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "edf", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static JsonElement Expected(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(PathOf(name), ".json"))).RootElement;

    public static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>Float32 holds about 7 significant digits; the reader rounds the double result once.</summary>
    public static void Close(double expected, float actual, string what)
    {
        double tolerance = 1e-6 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected}, read {actual}");
    }
}
