namespace Valence.Eeg.Formats.Pickle;

/// <summary>A Python <c>list</c>.</summary>
internal sealed class PickleList(int maxNesting) : PickleContainer
{
    private readonly List<object?> _items = [];

    /// <summary>The items.</summary>
    public IReadOnlyList<object?> Items => _items;

    /// <inheritdoc />
    public override int Count => _items.Count;

    /// <summary>Appends <paramref name="item"/> (APPEND, APPENDS, LIST).</summary>
    public void Add(object? item)
    {
        Adopt(item, maxNesting);
        _items.Add(item);
    }
}
