using System.Text.Json;

namespace Valence.Eeg.Tests.Formats.Mat;

/// <summary>
/// The fixtures tests/fixtures/make_mat.py writes, and expected.json, which records what scipy.io.loadmat reads from
/// each: the class, shape and values (listed, or as the seeded formula the script checked against scipy).
/// </summary>
internal static class MatFixtures
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "mat");

    private static readonly Lazy<JsonElement> Manifest = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json"))).RootElement);

    public static string PathOf(string relative) => Path.Combine(Folder, relative);

    /// <summary>The readable fixtures, relative to the mat folder.</summary>
    public static IEnumerable<string> ReadableFiles => Manifest.Value.GetProperty("files").EnumerateObject().Select(p => p.Name);

    /// <summary>Files to refuse, with the version ("v7.3" or "v4") the refusal names.</summary>
    public static IEnumerable<(string File, string Version)> RefusedFiles =>
        Manifest.Value.GetProperty("refused").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!));

    /// <summary>MATLAB-written files that scipy refuses as corrupt.</summary>
    public static IEnumerable<string> CorruptFiles => Manifest.Value.GetProperty("corrupt").EnumerateArray().Select(e => e.GetString()!);

    public static IReadOnlyList<ExpectedVariable> Variables(string file) =>
        Manifest.Value.GetProperty("files").GetProperty(file).GetProperty("variables").EnumerateArray().Select(ExpectedVariable.From).ToArray();

    /// <summary>value(i) = ((i·mult + seed·104729) mod modulus + offset) / divisor, as in make_mat.py.</summary>
    public static double[] Formula(JsonElement spec, long count)
    {
        long seed = spec.GetProperty("seed").GetInt64(), mult = spec.GetProperty("mult").GetInt64();
        long modulus = spec.GetProperty("modulus").GetInt64(), offset = spec.GetProperty("offset").GetInt64();
        double divisor = spec.GetProperty("divisor").GetDouble();
        var values = new double[count];
        for (long i = 0; i < count; i++) values[i] = ((i * mult + seed * 104729) % modulus + offset) / divisor;
        return values;
    }
}

/// <summary>One variable as scipy read it.</summary>
internal sealed record ExpectedVariable(string Name, string Kind, string? Class, bool Logical, int[] Shape, double[] Values)
{
    public static ExpectedVariable From(JsonElement e)
    {
        string kind = e.GetProperty("kind").GetString()!;
        if (kind != "numeric") return new ExpectedVariable(e.GetProperty("name").GetString()!, kind, null, false, [], []);
        int[] shape = e.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        long count = shape.Aggregate(1L, (a, b) => a * b);
        double[] values = e.TryGetProperty("formula", out JsonElement spec)
            ? MatFixtures.Formula(spec, count)
            : e.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return new ExpectedVariable(e.GetProperty("name").GetString()!, kind, e.GetProperty("class").GetString(),
            e.GetProperty("logical").GetBoolean(), shape, values);
    }
}
