using System.Text.Json;

namespace Valence.Emotion.Reports;

/// <summary>A JSON value with the file and the path that lead to it, so that a reader's errors name both.</summary>
internal readonly struct JsonField(string file, string path, JsonElement value)
{
    /// <summary>The member <paramref name="name"/> of this object.</summary>
    public JsonField this[string name]
    {
        get
        {
            string child = path.Length == 0 ? name : $"{path}.{name}";
            if (value.ValueKind != JsonValueKind.Object) throw Invalid("is not an object");
            if (!value.TryGetProperty(name, out var member)) throw new InvalidDataException($"{file}: field '{child}' is missing");
            return new JsonField(file, child, member);
        }
    }

    /// <summary>The items of this array.</summary>
    public IEnumerable<JsonField> Items()
    {
        if (value.ValueKind != JsonValueKind.Array) throw Invalid("is not an array");
        return Enumerate(file, path, value);
    }

    /// <summary>The members of this object, in file order.</summary>
    public IEnumerable<(string Name, JsonField Field)> Properties()
    {
        if (value.ValueKind != JsonValueKind.Object) throw Invalid("is not an object");
        string file1 = file, path1 = path;
        return value.EnumerateObject().Select(p => (p.Name, new JsonField(file1, $"{path1}.{p.Name}", p.Value)));
    }

    /// <summary>This value as a string.</summary>
    public string String() => value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid("is not a string");

    /// <summary>This value as a boolean.</summary>
    public bool Boolean() => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Invalid("is not true or false"),
    };

    /// <summary>This value as a 32-bit integer.</summary>
    public int Int32() => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int v) ? v : throw Invalid("is not a 32-bit integer");

    /// <summary>This value as a 64-bit integer.</summary>
    public long Int64() => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long v) ? v : throw Invalid("is not an integer");

    /// <summary>This value as a number.</summary>
    public double Double() => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw Invalid("is not a number");

    /// <summary>This value as a number, NaN when null (how undefined numbers are written).</summary>
    public double NumberOrNaN() => value.ValueKind == JsonValueKind.Null ? double.NaN : Double();

    /// <summary>This value as an integer, or null.</summary>
    public int? OptionalInt32() => value.ValueKind == JsonValueKind.Null ? null : Int32();

    /// <summary>This value as a number, or null.</summary>
    public double? OptionalDouble() => value.ValueKind == JsonValueKind.Null ? null : Double();

    /// <summary>An error naming the file and this field.</summary>
    public InvalidDataException Invalid(string problem) => new($"{file}: field '{path}' {problem}");

    private static IEnumerable<JsonField> Enumerate(string file, string path, JsonElement array)
    {
        int index = 0;
        foreach (var item in array.EnumerateArray()) yield return new JsonField(file, $"{path}[{index++}]", item);
    }
}
