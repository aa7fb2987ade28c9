namespace Valence.Eeg.Formats.Pickle;

/// <summary>A Python <c>set</c> (EMPTY_SET + ADDITEMS) or <c>frozenset</c> (FROZENSET): items kept once, in first-seen order.</summary>
internal sealed class PickleSet(bool isFrozen, int maxNesting) : PickleContainer
{
    private readonly List<object?> _items = [];
    private readonly HashSet<object> _seen = new(PickleKeyComparer.Instance);

    /// <summary>True for a <c>frozenset</c>.</summary>
    public bool IsFrozen { get; } = isFrozen;

    /// <summary>The items.</summary>
    public IReadOnlyList<object?> Items => _items;

    /// <inheritdoc />
    public override int Count => _items.Count;

    /// <summary>Adds <paramref name="item"/> unless an equal item is there; refuses an unhashable item as Python does.</summary>
    public void Add(object? item)
    {
        if (!_seen.Add(PickleKeyComparer.ToKey(item))) return;
        Adopt(item, maxNesting);
        _items.Add(item);
    }

    /// <summary>Whether an item equal to <paramref name="item"/> is in the set.</summary>
    public bool Contains(object? item) => _seen.Contains(item ?? PickleKeyComparer.None);
}
