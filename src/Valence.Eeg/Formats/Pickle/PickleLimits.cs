namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// The bounds the unpickler enforces so that a hostile or corrupted pickle cannot exhaust memory or the call stack.
/// The defaults are far above what a DEAP file needs (a few dozen values, nesting 4) and far below what would hurt.
/// </summary>
internal sealed record PickleLimits
{
    /// <summary>The defaults.</summary>
    public static PickleLimits Default { get; } = new();

    /// <summary>Most memo entries (PUT, BINPUT, LONG_BINPUT, MEMOIZE) a pickle may create.</summary>
    public int MaxMemoEntries { get; init; } = 1 << 20;

    /// <summary>Most values on the stack at once, counting the values under every open MARK.</summary>
    public int MaxStackDepth { get; init; } = 1 << 20;

    /// <summary>Most containers inside one another, and most MARKs open at once.</summary>
    public int MaxNesting { get; init; } = 100;

    /// <summary>Most items all lists, tuples, dicts and sets may hold together.</summary>
    public long MaxContainerItems { get; init; } = 1 << 24;

    /// <summary>
    /// Byte strings at least this long are not read while unpickling but left in the file and read when used, so a
    /// DEAP array's raw bytes go from the file straight into the float32 samples.
    /// </summary>
    public long DeferredPayloadBytes { get; init; } = 1 << 20;
}
