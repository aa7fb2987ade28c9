using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Valence.Nn.Kernels;

/// <summary>
/// A small pool of persistent worker threads that runs a struct job over a fixed number of chunks, allocating
/// nothing per call: the kernels' (and layers') alternative to <c>Parallel.For</c> with closures.
/// </summary>
/// <remarks>
/// <para>The calling thread takes part: it and up to <see cref="MaxThreads"/> − 1 workers claim chunks in turn until
/// none is left, and <see cref="Run{TJob}"/> returns when every chunk has finished. The caller never waits for a
/// worker that has not started a chunk, so a slow wake-up costs parallelism, not time. A worker that finishes
/// stays awake briefly (about 50 µs), so a burst of runs (one GEMM after another in a training step) finds it
/// ready.</para>
/// <para>Which thread runs which chunk varies, so results are deterministic only if each chunk writes its own
/// outputs and sums in its own fixed order (see <see cref="IWorkerJob"/>). One run uses the workers at a time; a
/// run started while another is in flight (from another thread, or from inside a chunk) executes its chunks on
/// its calling thread, in order, which gives the same results.</para>
/// </remarks>
/// <example>
/// A layer that normalises each sample of a batch in fixed chunks of 8 samples:
/// <code>
/// readonly unsafe struct NormaliseChunk(float* data, int samples, int width) : IWorkerJob
/// {
///     public const int SamplesPerChunk = 8;
///     public void Execute(int chunk)
///     {
///         int first = chunk * SamplesPerChunk, end = Math.Min(samples, first + SamplesPerChunk);
///         for (int s = first; s &lt; end; s++) Normalise(new Span&lt;float&gt;(data + s * width, width));
///     }
/// }
///
/// fixed (float* p = values)
/// {
///     var job = new NormaliseChunk(p, samples, width);
///     Workers.Run(ref job, (samples + NormaliseChunk.SamplesPerChunk - 1) / NormaliseChunk.SamplesPerChunk);
/// }
/// </code>
/// </example>
public static unsafe class Workers
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 20_000;

    private static int maxThreads = Environment.ProcessorCount;

    // The run in flight. `claims` packs the chunk count (high half) and the next unclaimed chunk (low half), so a
    // single atomic increment both claims a chunk and tells whether it belongs to the current run; the job fields
    // are published before `claims` and stay valid until every claimed chunk has finished.
    private static int busy;
    private static long claims;
    private static int chunksFinished;
    private static int helpersWanted;
    private static void* currentJob;
    private static delegate*<void*, int, void> currentInvoke;
    private static ExceptionDispatchInfo? firstFailure;

    private static readonly object ThreadsLock = new();
    private static Helper[] helpers = [];

    /// <summary>
    /// The largest number of threads, the caller included, that one run uses; at least 1. Defaults to
    /// <see cref="Environment.ProcessorCount"/>; 1 makes every run sequential on the calling thread.
    /// </summary>
    public static int MaxThreads
    {
        get => Volatile.Read(ref maxThreads);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(MaxThreads));
            Volatile.Write(ref maxThreads, value);
        }
    }

    /// <summary>
    /// Runs <c>job.Execute(chunk)</c> for every chunk in [0, <paramref name="chunks"/>) on up to
    /// <see cref="MaxThreads"/> threads and returns when all have finished. If chunks throw, the other chunks still
    /// run and the first exception is rethrown here.
    /// </summary>
    public static void Run<TJob>(ref TJob job, int chunks) where TJob : struct, IWorkerJob
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunks);
        int threads = Math.Min(MaxThreads, chunks);
        // Threads are started before the busy check, so that a first run that finds the workers busy (another
        // caller's run) still leaves the steady state allocation-free: nothing is created later.
        if (threads > 1) EnsureThreads(threads - 1);
        if (threads <= 1 || Interlocked.CompareExchange(ref busy, 1, 0) != 0)
        {
            for (int chunk = 0; chunk < chunks; chunk++) job.Execute(chunk);
            return;
        }

        // The workers read the job through a pointer to this frame's copy: a stack location never moves, and
        // this frame outlives the run because it waits below for every chunk to finish.
        TJob local = job;
        try
        {
            currentJob = Unsafe.AsPointer(ref local);
            currentInvoke = &JobInvoker<TJob>.Invoke;
            firstFailure = null;
            chunksFinished = 0;
            helpersWanted = threads - 1;
            Interlocked.Exchange(ref claims, (long)chunks << 32);
            WakeHelpers(threads - 1);
            RunChunks();
            var spinner = new SpinWait();
            while (Volatile.Read(ref chunksFinished) < chunks) spinner.SpinOnce(sleep1Threshold: -1);
            firstFailure?.Throw();
        }
        finally
        {
            currentJob = null;
            Volatile.Write(ref busy, 0);
        }
    }

    private static void RunChunks()
    {
        while (true)
        {
            long claim = Interlocked.Increment(ref claims);
            int chunk = (int)(claim & uint.MaxValue) - 1, count = (int)(claim >> 32);
            if (chunk >= count) return;
            try
            {
                currentInvoke(currentJob, chunk);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref firstFailure, ExceptionDispatchInfo.Capture(e), null);
            }
            Interlocked.Increment(ref chunksFinished);
        }
    }

    // True when a run has unclaimed chunks and its thread budget includes helper `id`.
    private static bool HasWorkFor(int id)
    {
        long state = Volatile.Read(ref claims);
        return (int)(state & uint.MaxValue) < (int)(state >> 32) && id < Volatile.Read(ref helpersWanted);
    }

    // Wakes helpers 0 … wanted−1 that are asleep; the others are spinning and will see the run themselves.
    private static void WakeHelpers(int wanted)
    {
        Helper[] started = Volatile.Read(ref helpers);
        for (int i = 0; i < wanted; i++) started[i].Wake();
    }

    private static void EnsureThreads(int count)
    {
        if (Volatile.Read(ref helpers).Length >= count) return;
        lock (ThreadsLock)
        {
            var grown = helpers;
            while (grown.Length < count) grown = [.. grown, new Helper(grown.Length)];
            Volatile.Write(ref helpers, grown);
        }
    }

    // Spins for a short while in case another run follows at once; true when one has work for helper `id`.
    private static bool AwaitNextRun(int id)
    {
        long deadline = Stopwatch.GetTimestamp() + SpinTicks;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (HasWorkFor(id)) return true;
            Thread.SpinWait(20);
        }
        return false;
    }

    /// <summary>One worker thread: it runs chunks while the run's thread budget includes it, spins briefly for the
    /// next run, then sleeps until woken.</summary>
    private sealed class Helper
    {
        private readonly int id;
        private readonly SemaphoreSlim wakeUp = new(0);
        private int asleep;

        public Helper(int id)
        {
            this.id = id;
            new Thread(Loop) { IsBackground = true, Name = $"Valence worker {id + 1}" }.Start();
        }

        // Exactly one of Wake and Loop takes the `asleep` flag back, so a wake-up is never lost nor counted twice.
        public void Wake()
        {
            if (Interlocked.Exchange(ref asleep, 0) == 1) wakeUp.Release();
        }

        private void Loop()
        {
            while (true)
            {
                Volatile.Write(ref asleep, 1);
                if (!HasWorkFor(id) || Interlocked.Exchange(ref asleep, 0) == 0) wakeUp.Wait();
                do
                {
                    if (id < Volatile.Read(ref helpersWanted)) RunChunks();
                }
                while (AwaitNextRun(id));
            }
        }
    }

    private static class JobInvoker<TJob> where TJob : struct, IWorkerJob
    {
        public static void Invoke(void* job, int chunk) => Unsafe.AsRef<TJob>(job).Execute(chunk);
    }
}
