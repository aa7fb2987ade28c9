namespace Valence.Nn.Tests.Harness;

/// <summary>Managed memory an operation allocates once it has warmed up.</summary>
public static class Allocations
{
    /// <summary>
    /// Runs <paramref name="step"/> <paramref name="warmup"/> times, then <paramref name="windows"/> windows of
    /// <paramref name="repeats"/> calls, and returns the fewest bytes the calling thread allocated in one window.
    /// </summary>
    /// <remarks>
    /// An allocation per call shows in every window. The runtime allocates on its own once in a while: with tiered
    /// compilation, about 8 KB appeared in one window in a few runs of an allocation-free GEMM loop (never with
    /// <c>DOTNET_TieredCompilation=0</c>); the minimum over windows sees past such one-off events.
    /// </remarks>
    public static long SteadyState(Action step, int warmup = 3, int repeats = 5, int windows = 3)
    {
        for (int i = 0; i < warmup; i++) step();
        long fewest = long.MaxValue;
        for (int window = 0; window < windows; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < repeats; i++) step();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return fewest;
    }
}
