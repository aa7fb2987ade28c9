using System.Text.Json.Nodes;
using Valence.Eeg.Formats.Pickle;

namespace Valence.Eeg.Tests.Formats.Pickle;

/// <summary>Compares an unpickled value with make_pickle.py's typed JSON of the value Python pickled.</summary>
internal static class PickleTyped
{
    /// <summary>The first difference between <paramref name="expected"/> and <paramref name="actual"/>, or null if they match.</summary>
    public static string? Mismatch(JsonNode expected, object? actual, string path = "value")
    {
        string type = (string)expected["t"]!;
        switch (type)
        {
            case "none":
                return actual is null ? null : $"{path}: expected None, got {Show(actual)}";
            case "bool":
                return actual is bool b && b == (bool)expected["v"]! ? null : $"{path}: expected {expected["v"]}, got {Show(actual)}";
            case "int":
                return actual is long l && l.ToString() == (string)expected["v"]! ? null : $"{path}: expected {expected["v"]}, got {Show(actual)}";
            case "float":
                double want = BitConverter.ToDouble(Convert.FromHexString((string)expected["bits"]!));
                bool same = actual is double d && (double.IsNaN(want) ? double.IsNaN(d) : BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits(want));
                return same ? null : $"{path}: expected {want:R}, got {Show(actual)}";
            case "str":
                return actual is PickleString s && s.Text == (string)expected["v"]! ? null : $"{path}: expected str {expected["v"]}, got {Show(actual)}";
            case "bytes" or "bytearray":
                return actual is PickleBytes bytes && bytes.IsByteArray == (type == "bytearray")
                    && Convert.ToHexString(bytes.Content.AsSpan()).Equals((string)expected["hex"]!, StringComparison.OrdinalIgnoreCase)
                    ? null : $"{path}: expected {type} {expected["hex"]}, got {Show(actual)}";
            case "tuple":
                return actual is PickleTuple tuple ? Items(expected, tuple.Items, path) : $"{path}: expected tuple, got {Show(actual)}";
            case "list":
                return actual is PickleList list ? Items(expected, list.Items, path) : $"{path}: expected list, got {Show(actual)}";
            case "set" or "frozenset":
                if (actual is not PickleSet set || set.IsFrozen != (type == "frozenset")) return $"{path}: expected {type}, got {Show(actual)}";
                var wanted = expected["items"]!.AsArray();
                if (wanted.Count != set.Count) return $"{path}: expected {wanted.Count} items, got {set.Count}";
                foreach (var item in wanted)
                    if (!set.Items.Any(a => Mismatch(item!, a) is null)) return $"{path}: {item!.ToJsonString()} is missing";
                return null;
            case "dict":
                if (actual is not PickleDict dict) return $"{path}: expected dict, got {Show(actual)}";
                var pairs = expected["items"]!.AsArray();
                if (pairs.Count != dict.Count) return $"{path}: expected {pairs.Count} entries, got {dict.Count}";
                for (int i = 0; i < pairs.Count; i++)
                {
                    var entry = dict.Entries[i];
                    string at = $"{path}[{pairs[i]![0]!.ToJsonString()}]";
                    if ((Mismatch(pairs[i]![0]!, entry.Key, at + " key") ?? Mismatch(pairs[i]![1]!, entry.Value, at)) is { } problem) return problem;
                }
                return null;
            default:
                return $"{path}: unknown expected type {type}";
        }
    }

    private static string? Items(JsonNode expected, IReadOnlyList<object?> actual, string path)
    {
        var items = expected["items"]!.AsArray();
        if (items.Count != actual.Count) return $"{path}: expected {items.Count} items, got {actual.Count}";
        for (int i = 0; i < items.Count; i++)
            if (Mismatch(items[i]!, actual[i], $"{path}[{i}]") is { } problem) return problem;
        return null;
    }

    private static string Show(object? value) => value switch
    {
        null => "None",
        PickleString s => $"str '{s.Describe()}'",
        _ => $"{PickleValue.TypeName(value)} {value}",
    };
}
