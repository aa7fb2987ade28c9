using System.Buffers.Binary;
using System.Text.Json;
using Valence.Eeg.Preprocessing;

namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>
/// The goldens tests/fixtures/make_scipy_goldens.py writes with scipy.signal 1.10: index.json (designs, small results,
/// and the names and shapes of the signal files) and raw little-endian float64 signals in C order.
/// </summary>
internal static class ScipyGoldens
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "scipy_dsp");

    private static readonly Lazy<JsonElement> Index = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "index.json"))).RootElement);

    public static JsonElement Section(string name) => Index.Value.GetProperty(name);

    /// <summary>The cases of a list section, each as its JSON element, for xunit's MemberData (by index).</summary>
    public static TheoryData<int> Cases(string name)
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Section(name).GetArrayLength(); i++) data.Add(i);
        return data;
    }

    /// <summary>A signal file named by <paramref name="reference"/> ({"file": …, "shape": [...]}) as rows of its last axis.</summary>
    public static double[][] Rows(JsonElement reference)
    {
        int[] shape = reference.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        byte[] bytes = File.ReadAllBytes(Path.Combine(Folder, reference.GetProperty("file").GetString()!));
        int rowLength = shape[^1], rowCount = shape.Length == 1 ? 1 : shape[..^1].Aggregate(1, (a, b) => a * b);
        Assert.Equal(rowLength * rowCount * 8, bytes.Length);
        var rows = new double[rowCount][];
        for (int r = 0; r < rowCount; r++)
        {
            rows[r] = new double[rowLength];
            for (int i = 0; i < rowLength; i++)
                rows[r][i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan((r * rowLength + i) * 8, 8));
        }
        return rows;
    }

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>A [[…6…], …] sos array, flattened.</summary>
    public static double[] Flatten(JsonElement nested) =>
        nested.EnumerateArray().SelectMany(row => row.ValueKind == JsonValueKind.Array ? Flatten(row) : [row.GetDouble()]).ToArray();

    /// <summary>Our design for a filter spec the script wrote: {"kind": "butter", order, cutoffs, btype, fs} or {"kind": "notch", f0, q, fs}.</summary>
    public static SecondOrderSections Design(JsonElement spec)
    {
        double fs = spec.GetProperty("fs").GetDouble();
        if (spec.GetProperty("kind").GetString() == "notch")
            return NotchDesign.Notch(spec.GetProperty("f0").GetDouble(), fs, spec.GetProperty("q").GetDouble());
        int order = spec.GetProperty("order").GetInt32();
        double[] cutoffs = Doubles(spec.GetProperty("cutoffs"));
        return spec.GetProperty("btype").GetString() switch
        {
            "lowpass" => ButterworthDesign.LowPass(order, cutoffs[0], fs),
            "highpass" => ButterworthDesign.HighPass(order, cutoffs[0], fs),
            "bandpass" => ButterworthDesign.BandPass(order, cutoffs[0], cutoffs[1], fs),
            var other => throw new InvalidDataException($"Unknown btype {other}."),
        };
    }
}
