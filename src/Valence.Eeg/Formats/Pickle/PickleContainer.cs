namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// A tuple, list, dict or set from a pickle. Each knows how deep containers nest inside it, counted when an item is
/// added, so that nesting is bounded while the pickle is read (nothing that reads these values recurses without
/// that bound).
/// </summary>
internal abstract class PickleContainer
{
    /// <summary>1 for a container holding no containers; one more than its deepest container item otherwise.</summary>
    public int Depth { get; private set; } = 1;

    /// <summary>Number of items (key/value pairs for a dict).</summary>
    public abstract int Count { get; }

    /// <summary>Raises <see cref="Depth"/> to account for <paramref name="item"/>, refusing nesting deeper than <paramref name="maxNesting"/>.</summary>
    protected void Adopt(object? item, int maxNesting)
    {
        if (item is not PickleContainer inner || inner.Depth < Depth) return;
        if (inner.Depth + 1 > maxNesting)
            throw new PickleException($"containers are nested more than {maxNesting} deep");
        Depth = inner.Depth + 1;
    }
}
