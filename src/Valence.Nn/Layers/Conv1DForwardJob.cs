using Valence.Nn.Kernels;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// <see cref="Conv1D"/>'s forward pass over slices of the batch, one per <see cref="Workers"/> chunk: batch items
/// are computed independently, each by the same products whatever slice it is in.
/// </summary>
internal readonly struct Conv1DForwardJob(Conv1D layer, Tensor input, Tensor columns, Tensor output, Window1D window,
    BatchSlices slices) : IWorkerJob
{
    /// <inheritdoc />
    public void Execute(int chunk) =>
        layer.ForwardBatches(input, columns, output, window, slices.Start(chunk), slices.Length(chunk));
}
