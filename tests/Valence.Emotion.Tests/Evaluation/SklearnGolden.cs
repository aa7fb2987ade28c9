using System.Text.Json;

namespace Valence.Emotion.Tests.Evaluation;

/// <summary>One case of tests/goldens/emotion/metrics.json, written by make_metrics.py with scikit-learn.</summary>
public sealed record SklearnGolden(string Name, int ClassCount, int[] Truth, int[] Predicted, double Accuracy, double BalancedAccuracy,
    double MacroF1, double Kappa, double[] Precision, double[] Recall, double[] F1, long[] Support, long[][] Confusion)
{
    private static readonly Lazy<IReadOnlyList<SklearnGolden>> Cases = new(Load);

    /// <summary>Every case, by name.</summary>
    public static SklearnGolden Get(string name) => Cases.Value.Single(c => c.Name == name);

    /// <summary>Case names, for theories.</summary>
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var c in Cases.Value) names.Add(c.Name);
        return names;
    }

    /// <summary>Class names "c0", "c1", … for the case's classes.</summary>
    public string[] ClassNames => [.. Enumerable.Range(0, ClassCount).Select(c => $"c{c}")];

    private static IReadOnlyList<SklearnGolden> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "goldens", "emotion", "metrics.json")));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new SklearnGolden(
            c.GetProperty("name").GetString()!,
            c.GetProperty("classCount").GetInt32(),
            Ints(c, "truth"),
            Ints(c, "predicted"),
            c.GetProperty("accuracy").GetDouble(),
            c.GetProperty("balancedAccuracy").GetDouble(),
            c.GetProperty("macroF1").GetDouble(),
            c.GetProperty("kappa").ValueKind == JsonValueKind.Null ? double.NaN : c.GetProperty("kappa").GetDouble(),
            Doubles(c, "precision"),
            Doubles(c, "recall"),
            Doubles(c, "f1"),
            [.. c.GetProperty("support").EnumerateArray().Select(v => v.GetInt64())],
            [.. c.GetProperty("confusion").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetInt64()).ToArray())]))];
    }

    private static int[] Ints(JsonElement c, string name) => [.. c.GetProperty(name).EnumerateArray().Select(v => v.GetInt32())];

    private static double[] Doubles(JsonElement c, string name) => [.. c.GetProperty(name).EnumerateArray().Select(v => v.GetDouble())];
}
