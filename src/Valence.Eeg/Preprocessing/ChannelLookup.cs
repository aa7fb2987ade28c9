namespace Valence.Eeg.Preprocessing;

/// <summary>Finds channels by name (case-insensitive, as <see cref="Recordings.SubjectRecording.ChannelIndex"/>), refusing unknown names with the list of channels there are.</summary>
internal static class ChannelLookup
{
    /// <summary>The index of each name in <paramref name="available"/>.</summary>
    /// <exception cref="InvalidSettingException">A name is unknown or repeated, or no name is given.</exception>
    public static int[] Indices(IReadOnlyList<string> available, IReadOnlyList<string> names, string setting)
    {
        string shown = $"[{string.Join(", ", names)}]";
        if (names.Count == 0) throw new InvalidSettingException(setting, shown, "at least one channel is needed");
        var indices = new int[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            indices[i] = IndexOf(available, names[i]);
            if (indices[i] < 0)
                throw new InvalidSettingException(setting, shown, $"there is no channel '{names[i]}'; the input has: {string.Join(", ", available)}");
            if (indices.AsSpan(0, i).Contains(indices[i]))
                throw new InvalidSettingException(setting, shown, $"channel '{names[i]}' is named twice");
        }
        return indices;
    }

    private static int IndexOf(IReadOnlyList<string> available, string name)
    {
        for (int i = 0; i < available.Count; i++)
            if (string.Equals(available[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
