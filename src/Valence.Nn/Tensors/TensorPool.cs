using System.Buffers;

namespace Valence.Nn.Tensors;

/// <summary>
/// Where tensors get their float buffers. Buffers go back to the pool when a tensor is disposed or resized, so
/// that a training loop in steady state rents and returns the same arrays and allocates nothing.
/// </summary>
public static class TensorPool
{
    // A private pool rather than ArrayPool<float>.Shared: the shared pool keeps few large arrays per core and
    // would drop the activation buffers a model of ours cycles through every step.
    private static readonly ArrayPool<float> Pool = ArrayPool<float>.Create(maxArrayLength: 1 << 30, maxArraysPerBucket: 256);

    /// <summary>Rents a buffer of at least <paramref name="minimumLength"/> floats; its contents are undefined.</summary>
    public static float[] Rent(int minimumLength) => minimumLength == 0 ? [] : Pool.Rent(minimumLength);

    /// <summary>Returns a buffer obtained from <see cref="Rent"/>.</summary>
    public static void Return(float[] buffer)
    {
        if (buffer.Length > 0) Pool.Return(buffer);
    }
}
