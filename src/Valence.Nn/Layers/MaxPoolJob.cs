using Valence.Nn.Kernels;

namespace Valence.Nn.Layers;

/// <summary>
/// <see cref="MaxPool1D"/> over slices of its rows (batch × channels), one per <see cref="Workers"/> chunk. Forward
/// pools each row of <c>input</c> into <c>output</c> (and records where the maxima were when <c>argmax</c> is not
/// null); backward adds each row's output gradient (<c>output</c>) into its input gradient (<c>input</c>) at those
/// positions. A row's maxima lie in the row itself, so slices touch disjoint memory.
/// </summary>
internal readonly unsafe struct MaxPoolJob(float* input, float* output, int* argmax, int length, int outputLength,
    Pool1DOptions options, bool backward, BatchSlices slices) : IWorkerJob
{
    /// <summary>The fewest rows worth a thread of their own (a row is a few hundred elements, well under a microsecond).</summary>
    public const int MinimumRowsPerThread = 256;

    /// <inheritdoc />
    public void Execute(int chunk)
    {
        int first = slices.Start(chunk), end = first + slices.Length(chunk);
        for (int r = first; r < end; r++)
        {
            var x = new Span<float>(input + (nint)r * length, length);
            var y = new Span<float>(output + (nint)r * outputLength, outputLength);
            var maxima = argmax == null ? Span<int>.Empty : new Span<int>(argmax + (nint)r * outputLength, outputLength);
            if (backward)
            {
                // dx[argmax(r, t)] += dy[r, t]; overlapping windows add up (argmax indexes the whole input)
                int rowStart = r * length;
                for (int t = 0; t < outputLength; t++) x[maxima[t] - rowStart] += y[t];
            }
            else
            {
                // y[r, t] = max_k x[r, t·stride + k], keeping the first of equal maxima
                MaxPoolRow.Pool(x, y, maxima, r * length, options.KernelSize, options.Stride);
            }
        }
    }
}
