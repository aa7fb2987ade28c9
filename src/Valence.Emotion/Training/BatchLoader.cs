using Valence.Nn.Tensors;

namespace Valence.Emotion.Training;

/// <summary>
/// Copies batches of windows and their labels into buffers made once for the largest batch, so that loading a batch
/// in steady state allocates nothing.
/// </summary>
internal sealed class BatchLoader : IDisposable
{
    private readonly ILabelledWindows _windows;
    private readonly Tensor _input;
    private readonly int[] _labels;
    private int _count;

    public BatchLoader(ILabelledWindows windows, int batchSize)
    {
        _windows = windows;
        BatchSize = batchSize;
        _input = new Tensor(batchSize, windows.Channels, windows.Samples);
        _labels = new int[batchSize];
    }

    /// <summary>The most windows a batch holds.</summary>
    public int BatchSize { get; }

    /// <summary>The last loaded batch, [windows, channels, samples].</summary>
    public Tensor Input => _input;

    /// <summary>The labels of the last loaded batch.</summary>
    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, _count);

    /// <summary>Loads the windows <paramref name="indices"/> (at most <see cref="BatchSize"/>) and their labels.</summary>
    /// <exception cref="InvalidOperationException">A window's label lies outside [0, ClassCount).</exception>
    public void Load(ReadOnlySpan<int> indices)
    {
        _count = indices.Length;
        _input.Resize(new TensorShape(indices.Length, _windows.Channels, _windows.Samples));
        _windows.CopyBatch(indices, _input.Span);
        for (int i = 0; i < indices.Length; i++)
        {
            int label = _windows.Label(indices[i]);
            if ((uint)label >= (uint)_windows.ClassCount)
                throw new InvalidOperationException($"Window {indices[i]} has label {label}, outside [0, {_windows.ClassCount}).");
            _labels[i] = label;
        }
    }

    public void Dispose() => _input.Dispose();
}
