namespace Valence.Nn.Kernels;

/// <summary>
/// A batch cut into consecutive slices of rows, one per <see cref="Workers"/> chunk: as many slices as threads may
/// run (<see cref="Workers.MaxThreads"/>), none smaller than a minimum, sizes differing by at most one.
/// </summary>
/// <remarks>
/// Use it only for work whose rows are computed independently (a recurrence, which runs along time within each
/// row): then every row gets the same operations in the same order in any slice, and results do not depend on the
/// number of slices, hence not on the thread count. Never slice a sum across rows this way.
/// </remarks>
public readonly struct BatchSlices
{
    private readonly int _batch;

    /// <summary>
    /// Slices <paramref name="batch"/> rows for the current <see cref="Workers.MaxThreads"/>, each at least
    /// <paramref name="minimumRows"/> long (a single slice when the batch is smaller than two minimums).
    /// </summary>
    public BatchSlices(int batch, int minimumRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumRows, 1);
        _batch = batch;
        Count = Math.Max(1, Math.Min(Workers.MaxThreads, batch / minimumRows));
    }

    /// <summary>The number of slices (at least 1).</summary>
    public int Count { get; }

    /// <summary>The first row of slice <paramref name="slice"/>.</summary>
    public int Start(int slice) => (int)((long)_batch * slice / Count);

    /// <summary>The rows in slice <paramref name="slice"/>.</summary>
    public int Length(int slice) => Start(slice + 1) - Start(slice);
}
