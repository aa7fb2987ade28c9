using Valence.Emotion.Training;

namespace Valence.Emotion.Tests.Training;

/// <summary>A small data set held in arrays, for tests.</summary>
public sealed class InMemoryWindows(float[] samples, int[] labels, int channels, int length, int classCount) : ILabelledWindows
{
    public int Count => labels.Length;
    public int Channels => channels;
    public int Samples => length;
    public int ClassCount => classCount;
    public int Label(int index) => labels[index];

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> destination)
    {
        int size = channels * length;
        for (int i = 0; i < indices.Length; i++)
            samples.AsSpan(indices[i] * size, size).CopyTo(destination.Slice(i * size, size));
    }
}
