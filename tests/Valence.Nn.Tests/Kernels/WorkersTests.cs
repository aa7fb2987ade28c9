using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

[Collection(WorkersCollection.Name)]
public class WorkersTests
{
    private unsafe struct SquareJob(int* results) : IWorkerJob
    {
        public readonly void Execute(int chunk) => results[chunk] = chunk * chunk + 1;
    }

    private unsafe struct FailingJob(int* ran) : IWorkerJob
    {
        public readonly void Execute(int chunk)
        {
            if (chunk == 5) throw new InvalidOperationException("chunk 5 failed");
            ran[chunk] = 1;
        }
    }

    private unsafe struct NestedJob(int* results) : IWorkerJob
    {
        public readonly void Execute(int chunk)
        {
            var inner = new SquareJob(results + chunk * 4);
            Workers.Run(ref inner, 4);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public unsafe void Every_chunk_runs_exactly_once(int threads)
    {
        int previous = Workers.MaxThreads;
        try
        {
            Workers.MaxThreads = threads;
            var results = new int[37];
            fixed (int* r = results)
            {
                var job = new SquareJob(r);
                Workers.Run(ref job, results.Length);
            }
            for (int i = 0; i < results.Length; i++) Assert.Equal(i * i + 1, results[i]);
        }
        finally
        {
            Workers.MaxThreads = previous;
        }
    }

    [Fact]
    public unsafe void A_failing_chunk_is_rethrown_to_the_caller_after_the_others_ran()
    {
        var ran = new int[9];
        fixed (int* r = ran)
        {
            var job = new FailingJob(r);
            var e = Assert.Throws<InvalidOperationException>(() => Workers.Run(ref job, ran.Length));
            Assert.Equal("chunk 5 failed", e.Message);
        }
        Assert.Equal([1, 1, 1, 1, 1, 0, 1, 1, 1], ran);
    }

    [Fact]
    public unsafe void A_run_inside_a_chunk_completes_on_its_own_thread()
    {
        var results = new int[6 * 4];
        fixed (int* r = results)
        {
            var job = new NestedJob(r);
            Workers.Run(ref job, 6);
        }
        for (int i = 0; i < results.Length; i++) Assert.Equal((i % 4) * (i % 4) + 1, results[i]);
    }

    [Fact]
    public void Max_threads_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Workers.MaxThreads = 0);
    }
}
