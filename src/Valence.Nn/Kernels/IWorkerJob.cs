namespace Valence.Nn.Kernels;

/// <summary>
/// A unit of parallel work for <see cref="Workers.Run{TJob}"/>: a struct that computes one of a fixed number of
/// chunks at a time.
/// </summary>
/// <remarks>
/// Chunks of one run execute concurrently on the same job value, so <see cref="Execute"/> must only read the job's
/// fields, and chunks must write disjoint outputs. To stay deterministic, a chunk is a slice of the output (rows,
/// columns, a fixed range of the batch), never a slice of a sum.
/// </remarks>
public interface IWorkerJob
{
    /// <summary>Computes chunk <paramref name="chunk"/>, 0 ≤ chunk &lt; the chunk count given to <see cref="Workers.Run{TJob}"/>.</summary>
    void Execute(int chunk);
}
