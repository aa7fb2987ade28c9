namespace Valence.Nn.Kernels;

/// <summary>
/// A batch cut into consecutive slices of rows, one per <see cref="Workers"/> chunk: a given number of slices per
/// thread that may run (<see cref="Workers.MaxThreads"/>), none smaller than a minimum, sizes differing by at most one.
/// </summary>
/// <remarks>
/// Use it only for work whose rows are computed independently (a recurrence, which runs along time within each
/// row): then every row gets the same operations in the same order in any slice, and results do not depend on the
/// number of slices, hence not on the thread count. Never slice a sum across rows this way.
/// <para>Several slices per thread let threads balance the load when one of them is slowed (a shared machine): a
/// thread that finishes early takes the next slice. One slice per thread suits work that is cheaper in larger
/// pieces (a recurrence, whose per-step products grow with the rows).</para>
/// </remarks>
public readonly struct BatchSlices
{
    /// <summary>Slices per thread for work that costs nothing extra in small pieces (elementwise, per-item products).</summary>
    public const int SharedLoadSlices = 4;

    private readonly int _batch;

    /// <summary>
    /// Slices <paramref name="batch"/> rows into <paramref name="slicesPerThread"/> slices per thread of the current
    /// <see cref="Workers.MaxThreads"/>, each at least <paramref name="minimumRows"/> long (a single slice when the
    /// batch is smaller than two minimums); with one thread, one slice.
    /// </summary>
    public BatchSlices(int batch, int minimumRows, int slicesPerThread = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slicesPerThread, 1);
        _batch = batch;
        int threads = Workers.MaxThreads;
        Count = Math.Max(1, Math.Min(threads == 1 ? 1 : threads * slicesPerThread, batch / minimumRows));
    }

    /// <summary>The number of slices (at least 1).</summary>
    public int Count { get; }

    /// <summary>The first row of slice <paramref name="slice"/>.</summary>
    public int Start(int slice) => (int)((long)_batch * slice / Count);

    /// <summary>The rows in slice <paramref name="slice"/>.</summary>
    public int Length(int slice) => Start(slice + 1) - Start(slice);
}
