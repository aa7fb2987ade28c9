namespace Valence.Eeg.Formats.Pickle;

/// <summary>A Python <c>dict</c>: insertion order kept; setting an existing key replaces its value and keeps its place.</summary>
internal sealed class PickleDict(int maxNesting) : PickleContainer
{
    private readonly List<KeyValuePair<object?, object?>> _entries = [];
    private readonly Dictionary<object, int> _index = new(PickleKeyComparer.Instance);

    /// <summary>The entries in insertion order.</summary>
    public IReadOnlyList<KeyValuePair<object?, object?>> Entries => _entries;

    /// <inheritdoc />
    public override int Count => _entries.Count;

    /// <summary><c>dict[key] = value</c> (SETITEM, SETITEMS, DICT); refuses an unhashable key as Python does.</summary>
    public void Set(object? key, object? value)
    {
        var stored = PickleKeyComparer.ToKey(key);
        Adopt(key, maxNesting);
        Adopt(value, maxNesting);
        if (_index.TryGetValue(stored, out int i))
        {
            _entries[i] = new(_entries[i].Key, value);
            return;
        }
        _index.Add(stored, _entries.Count);
        _entries.Add(new(key, value));
    }

    /// <summary>The value under the string key <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, out object? value)
    {
        if (_index.TryGetValue(PickleString.FromText(key), out int i))
        {
            value = _entries[i].Value;
            return true;
        }
        value = null;
        return false;
    }
}
