using System.Text.Json.Serialization;

namespace Valence.Nn.Layers;

/// <summary>
/// Settings of a 1-D pooling layer (<see cref="MaxPool1D"/>, <see cref="AvgPool1D"/>): PyTorch's
/// <c>kernel_size</c> and <c>stride</c>, with no padding and floor rounding of the output length.
/// </summary>
public sealed record Pool1DOptions
{
    /// <summary>Settings with the stride equal to the kernel size (non-overlapping windows), PyTorch's default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kernel size is zero or negative.</exception>
    public Pool1DOptions(int kernelSize) : this(kernelSize, kernelSize) { }

    /// <summary>Validates and creates the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kernel size or the stride is zero or negative.</exception>
    [JsonConstructor]
    public Pool1DOptions(int kernelSize, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        KernelSize = kernelSize;
        Stride = stride;
    }

    /// <summary>Time steps in each window.</summary>
    public int KernelSize { get; }

    /// <summary>Step between successive windows.</summary>
    public int Stride { get; }
}
