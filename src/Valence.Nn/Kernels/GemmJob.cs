namespace Valence.Nn.Kernels;

/// <summary>
/// A GEMM split over output tiles for <see cref="Workers"/>: each chunk is a band of whole MR-row (or NR-column)
/// tiles of C, computed by the single-threaded driver with the full depth k, so no sum is ever split.
/// </summary>
internal readonly unsafe struct GemmJob<TKernel> : IWorkerJob where TKernel : struct, IGemmMicroKernel
{
    /// <summary>
    /// Below this many multiply-adds a product runs on one thread: 2^20 take 8–16 µs on one core (AVX-512 or
    /// AVX2), while handing half to a sleeping worker costs microseconds of wake-up (more in a VM).
    /// </summary>
    private const long ParallelThreshold = 1L << 20;

    private readonly GemmProblem problem;
    private readonly bool splitRows;
    private readonly int chunkSize;

    private GemmJob(in GemmProblem problem, bool splitRows, int chunkSize)
    {
        this.problem = problem;
        this.splitRows = splitRows;
        this.chunkSize = chunkSize;
    }

    /// <summary>Computes <paramref name="problem"/>, on several threads when it is large enough.</summary>
    public static void Run(GemmProblem problem)
    {
        if (!problem.IsPrepacked && TransposingSavesWork(problem.M, problem.N)) problem = problem.Transposed();
        long work = (long)problem.M * problem.N * problem.K;
        int threads = work < ParallelThreshold ? 1 : Workers.MaxThreads;
        int mr = TKernel.MR, nr = TKernel.NR;
        int rowTiles = (problem.M + mr - 1) / mr, columnTiles = (problem.N + nr - 1) / nr;
        bool splitRows = rowTiles >= columnTiles;
        int tiles = splitRows ? rowTiles : columnTiles;
        int chunks = Math.Min(threads, tiles);
        if (chunks <= 1)
        {
            GemmDriver<TKernel>.Multiply(problem);
            return;
        }
        int tilesPerChunk = (tiles + chunks - 1) / chunks;
        var job = new GemmJob<TKernel>(problem, splitRows, tilesPerChunk * (splitRows ? mr : nr));
        Workers.Run(ref job, (tiles + tilesPerChunk - 1) / tilesPerChunk);
    }

    // A product with few columns (Dense with 4 outputs: n = 4 in NR = 32-wide tiles) wastes most of each tile;
    // its transpose puts the few columns in the MR direction. Transposed tiles reach C with scalar stores, so
    // the switch is made only when it at least halves the padded work.
    private static bool TransposingSavesWork(int m, int n)
    {
        long padded = RoundUp(m, TKernel.MR) * RoundUp(n, TKernel.NR);
        long transposed = RoundUp(n, TKernel.MR) * RoundUp(m, TKernel.NR);
        return 2 * transposed < padded;
    }

    private static long RoundUp(int value, int multiple) => (value + multiple - 1L) / multiple * multiple;

    /// <inheritdoc/>
    public void Execute(int chunk)
    {
        int start = chunk * chunkSize;
        int extent = splitRows ? problem.M : problem.N;
        int count = Math.Min(chunkSize, extent - start);
        GemmDriver<TKernel>.Multiply(splitRows ? problem.Rows(start, count) : problem.Columns(start, count));
    }
}
