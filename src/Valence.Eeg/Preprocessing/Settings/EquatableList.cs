using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>
/// An immutable list that compares by its items, so settings records that hold lists are equal when their contents
/// are (a record's own equality would compare list references). Serialised as a JSON array.
/// </summary>
[CollectionBuilder(typeof(EquatableList), nameof(EquatableList.Create))]
[JsonConverter(typeof(EquatableListJsonConverterFactory))]
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly T[] _items;

    /// <summary>A list of <paramref name="items"/>, copied.</summary>
    public EquatableList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
    }

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(EquatableList<T>? other) => other is not null && _items.SequenceEqual(other._items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (T item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", _items)}]";
}

/// <summary>Builds <see cref="EquatableList{T}"/> from collection expressions.</summary>
public static class EquatableList
{
    /// <summary>A list of <paramref name="items"/>, copied.</summary>
    public static EquatableList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}
