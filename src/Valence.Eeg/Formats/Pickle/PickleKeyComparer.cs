using System.Runtime.CompilerServices;

namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// Python's equality and hashing for the values that can be dict keys and set items: <c>1 == 1.0 == True</c>,
/// strings by text, bytes by content, tuples and frozensets by their items. Python's <c>None</c> is stored as
/// <see cref="None"/> because .NET dictionaries take no null keys.
/// </summary>
internal sealed class PickleKeyComparer : IEqualityComparer<object>
{
    /// <summary>The comparer.</summary>
    public static PickleKeyComparer Instance { get; } = new();

    /// <summary>Stands for Python's <c>None</c> as a key.</summary>
    public static object None { get; } = new();

    /// <summary>The key under which <paramref name="value"/> is stored, refusing an unhashable value as Python does.</summary>
    public static object ToKey(object? value)
    {
        RequireHashable(value);
        return value ?? None;
    }

    /// <summary>The value a stored key stands for.</summary>
    public static object? FromKey(object key) => ReferenceEquals(key, None) ? null : key;

    /// <inheritdoc />
    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null) return false;
        if (TryNumber(x, out var a) && TryNumber(y, out var b)) return a.Equals(b);
        return (x, y) switch
        {
            (PickleString s, PickleString t) => s.Text == t.Text,
            (PickleBytes s, PickleBytes t) => s.Content.AsSpan().SequenceEqual(t.Content.AsSpan()),
            (PickleTuple s, PickleTuple t) => s.Count == t.Count && s.Items.Zip(t.Items).All(p => Equals(p.First ?? None, p.Second ?? None)),
            (PickleSet s, PickleSet t) => s.Count == t.Count && s.Items.All(t.Contains),
            (NumpyDType s, NumpyDType t) => s.Descriptor == t.Descriptor,
            _ => false,
        };
    }

    /// <inheritdoc />
    public int GetHashCode(object obj)
    {
        if (TryNumber(obj, out var number)) return number.GetHashCode();
        switch (obj)
        {
            case PickleString s:
                return s.Text.GetHashCode();
            case PickleBytes b:
                var hash = new HashCode();
                hash.AddBytes(b.Content.AsSpan());
                return hash.ToHashCode();
            case PickleTuple t:
                var combined = new HashCode();
                foreach (var item in t.Items) combined.Add(GetHashCode(item ?? None));
                return combined.ToHashCode();
            case PickleSet set:
                int unordered = set.Count;
                foreach (var item in set.Items) unordered ^= GetHashCode(item ?? None);
                return unordered;
            case NumpyDType d:
                return d.Descriptor.GetHashCode();
            default:
                return RuntimeHelpers.GetHashCode(obj);
        }
    }

    private static void RequireHashable(object? value)
    {
        switch (value)
        {
            case PickleList or PickleDict or NumpyArray:
            case PickleSet { IsFrozen: false }:
            case PickleBytes { IsByteArray: true }:
                throw new PickleException($"unhashable type: '{PickleValue.TypeName(value)}'");
            case PickleTuple t:
                foreach (var item in t.Items) RequireHashable(item);
                break;
        }
    }

    private static bool TryNumber(object value, out PythonNumber number)
    {
        switch (value)
        {
            case bool b: number = new(b ? 1 : 0, double.NaN, true); return true;
            case long l: number = new(l, double.NaN, true); return true;
            case double d: number = new(0, d, false); return true;
            default: number = default; return false;
        }
    }

    /// <summary>An int or a float, compared as Python compares them: exactly, across the two.</summary>
    private readonly record struct PythonNumber(long Integer, double Float, bool IsInteger)
    {
        public bool Equals(PythonNumber other) => (IsInteger, other.IsInteger) switch
        {
            (true, true) => Integer == other.Integer,
            (false, false) => Float == other.Float,
            (true, false) => IsExactly(other.Float, Integer),
            (false, true) => IsExactly(Float, other.Integer),
        };

        public override int GetHashCode() =>
            IsInteger ? Integer.GetHashCode() : IsExactly(Float, (long)Math.Clamp(Float, long.MinValue, long.MaxValue)) ? ((long)Float).GetHashCode() : Float.GetHashCode();

        // 2⁶³ is exact in a double; between ±2⁶³ the conversion to long is exact for whole numbers.
        private static bool IsExactly(double d, long l) => d >= -9223372036854775808.0 && d < 9223372036854775808.0 && (long)d == l && (double)(long)d == d;
    }
}
