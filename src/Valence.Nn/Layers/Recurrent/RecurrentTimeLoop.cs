using Valence.Nn.Kernels;

namespace Valence.Nn.Layers;

/// <summary>
/// The time loop of one layer and direction, forward or backward, as a <see cref="Workers"/> job whose chunks are
/// slices of the batch: the recurrence runs along time within each batch row, so slices are independent, and each
/// thread carries its rows through every step without meeting the others until the loop ends.
/// </summary>
internal readonly struct RecurrentTimeLoop(RecurrentLayer owner, int layer, int direction, bool backward, BatchSlices slices)
    : IWorkerJob
{
    /// <inheritdoc />
    public void Execute(int chunk)
    {
        int first = slices.Start(chunk), rows = slices.Length(chunk);
        if (backward) owner.BackwardSteps(layer, direction, first, rows);
        else owner.ForwardSteps(layer, direction, first, rows);
    }
}
