namespace Valence.Eeg.Formats.Pickle;

/// <summary>A Python <c>tuple</c>.</summary>
internal sealed class PickleTuple : PickleContainer
{
    /// <summary>A tuple of <paramref name="items"/> (kept, not copied).</summary>
    public PickleTuple(object?[] items, int maxNesting)
    {
        Items = items;
        foreach (var item in items) Adopt(item, maxNesting);
    }

    /// <summary>The items.</summary>
    public IReadOnlyList<object?> Items { get; }

    /// <inheritdoc />
    public override int Count => Items.Count;

    /// <summary>The item at <paramref name="index"/>.</summary>
    public object? this[int index] => Items[index];
}
