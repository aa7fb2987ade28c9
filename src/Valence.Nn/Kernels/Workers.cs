using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Valence.Nn.Kernels;

/// <summary>
/// A small pool of persistent worker threads that runs a struct job over a fixed number of chunks, allocating
/// nothing per call: the kernels' (and layers') alternative to <c>Parallel.For</c> with closures.
/// </summary>
/// <remarks>
/// <para>The calling thread takes part: it and up to <see cref="MaxThreads"/> − 1 workers claim chunks in turn until
/// none is left, and <see cref="Run{TJob}"/> returns when every chunk has finished. Which thread runs which chunk
/// varies, so results are deterministic only if each chunk writes its own outputs and sums in its own fixed order
/// (see <see cref="IWorkerJob"/>).</para>
/// <para>One run uses the workers at a time. A run started while another is in flight (from another thread, or
/// from inside a chunk) executes its chunks on its calling thread, in order, which gives the same results.</para>
/// </remarks>
public static unsafe class Workers
{
    private static int maxThreads = Environment.ProcessorCount;

    // One run at a time owns the fields below: 1 while a run is in flight.
    private static int busy;
    private static void* currentJob;
    private static delegate*<void*, int, void> currentInvoke;
    private static int chunkCount;
    private static int nextChunk;
    private static int helpersRunning;
    private static ExceptionDispatchInfo? firstFailure;

    private static readonly object ThreadsLock = new();
    private static readonly SemaphoreSlim WorkAvailable = new(0);
    private static readonly ManualResetEventSlim HelpersFinished = new(false);
    private static int threadsStarted;

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
    /// <see cref="MaxThreads"/> threads and returns when all have finished. An exception thrown by a chunk is
    /// rethrown here after the other chunks have stopped.
    /// </summary>
    public static void Run<TJob>(ref TJob job, int chunks) where TJob : struct, IWorkerJob
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunks);
        int threads = Math.Min(MaxThreads, chunks);
        if (threads <= 1 || Interlocked.CompareExchange(ref busy, 1, 0) != 0)
        {
            for (int chunk = 0; chunk < chunks; chunk++) job.Execute(chunk);
            return;
        }

        // The workers read the job through a pointer to this frame's copy: a stack location never moves, and
        // this frame outlives the run because it waits for every helper below.
        TJob local = job;
        try
        {
            EnsureThreads(threads - 1);
            currentJob = Unsafe.AsPointer(ref local);
            currentInvoke = &JobInvoker<TJob>.Invoke;
            chunkCount = chunks;
            nextChunk = 0;
            firstFailure = null;
            helpersRunning = threads - 1;
            HelpersFinished.Reset();
            WorkAvailable.Release(threads - 1);
            RunChunks();
            HelpersFinished.Wait();
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
        int chunk;
        while ((chunk = Interlocked.Increment(ref nextChunk) - 1) < chunkCount)
        {
            try
            {
                currentInvoke(currentJob, chunk);
            }
            catch (Exception e)
            {
                // Claim the remaining chunks so that every thread stops early.
                Interlocked.Exchange(ref nextChunk, chunkCount);
                Interlocked.CompareExchange(ref firstFailure, ExceptionDispatchInfo.Capture(e), null);
            }
        }
    }

    private static void EnsureThreads(int helpers)
    {
        if (Volatile.Read(ref threadsStarted) >= helpers) return;
        lock (ThreadsLock)
        {
            while (threadsStarted < helpers)
            {
                var thread = new Thread(WorkerLoop) { IsBackground = true, Name = $"Valence worker {threadsStarted + 1}" };
                thread.Start();
                threadsStarted++;
            }
        }
    }

    private static void WorkerLoop()
    {
        while (true)
        {
            WorkAvailable.Wait();
            RunChunks();
            if (Interlocked.Decrement(ref helpersRunning) == 0) HelpersFinished.Set();
        }
    }

    private static class JobInvoker<TJob> where TJob : struct, IWorkerJob
    {
        public static void Invoke(void* job, int chunk) => Unsafe.AsRef<TJob>(job).Execute(chunk);
    }
}
