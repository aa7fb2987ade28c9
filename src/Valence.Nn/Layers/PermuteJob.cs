using Valence.Nn.Kernels;

namespace Valence.Nn.Layers;

/// <summary><see cref="Permute"/>'s transposition of each batch item, slices of the batch on the <see cref="Workers"/>.</summary>
internal readonly unsafe struct PermuteJob(float* source, float* destination, int rows, int columns, BatchSlices slices)
    : IWorkerJob
{
    /// <summary>The fewest elements worth a thread of their own (a copy of 64 KiB takes a few microseconds).</summary>
    public const int MinimumElementsPerThread = 1 << 14;

    /// <inheritdoc />
    public void Execute(int chunk)
    {
        int first = slices.Start(chunk), end = first + slices.Length(chunk);
        for (int b = first; b < end; b++)
        {
            nint offset = (nint)b * rows * columns;
            Transposition.Transpose(source + offset, columns, rows, columns, destination + offset, rows);
        }
    }
}
