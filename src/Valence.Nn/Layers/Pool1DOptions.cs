namespace Valence.Nn.Layers;

/// <summary>
/// Settings of a 1-D pooling layer (<see cref="MaxPool1D"/>, <see cref="AvgPool1D"/>): PyTorch's
/// <c>kernel_size</c> and <c>stride</c>, with no padding and floor rounding of the output length.
/// </summary>
public sealed record Pool1DOptions
{
    /// <summary>Validates and creates the settings; the stride defaults to the kernel size, as in PyTorch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kernel size or the stride is zero or negative.</exception>
    public Pool1DOptions(int kernelSize, int? stride = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        if (stride is { } s) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(s, nameof(stride));
        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
    }

    /// <summary>Time steps in each window.</summary>
    public int KernelSize { get; }

    /// <summary>Step between successive windows.</summary>
    public int Stride { get; }
}
