namespace Valence.Nn.Optimizers;

/// <summary>Reading a schedule's named-number state back, with errors that name the schedule and the entry.</summary>
internal static class ScheduleState
{
    /// <summary>Throws unless <paramref name="state"/> holds exactly the entries <paramref name="names"/>.</summary>
    public static void RequireExactly(IReadOnlyDictionary<string, double> state, string owner, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (string name in names)
            if (!state.ContainsKey(name))
                throw new ArgumentException($"{owner}: the checkpoint state lacks '{name}' (expected {string.Join(", ", names)}).", nameof(state));
        foreach (string name in state.Keys)
            if (Array.IndexOf(names, name) < 0)
                throw new ArgumentException($"{owner}: the checkpoint state has an unknown entry '{name}' (expected {string.Join(", ", names)}).", nameof(state));
    }

    /// <summary>The entry <paramref name="name"/> as a count: a whole number from 0 to <see cref="int.MaxValue"/>.</summary>
    public static int Count(IReadOnlyDictionary<string, double> state, string name, string owner)
    {
        double value = state[name];
        if (!(value >= 0 && value <= int.MaxValue && Math.Floor(value) == value))
            throw new ArgumentException($"{owner}: the checkpoint state '{name}' must be a whole number from 0; got {value}.", nameof(state));
        return (int)value;
    }
}
