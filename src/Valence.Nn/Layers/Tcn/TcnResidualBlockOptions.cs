namespace Valence.Nn.Layers;

/// <summary>Settings of a <see cref="TcnResidualBlock"/>, as keras-tcn's ResidualBlock.</summary>
public sealed record TcnResidualBlockOptions
{
    /// <summary>Validates and creates the settings.</summary>
    /// <param name="inputChannels">Channels of the block's input.</param>
    /// <param name="filters">Channels of both dilated convolutions and of the output.</param>
    /// <param name="kernelSize">Taps of each dilated convolution.</param>
    /// <param name="dilation">Dilation of both convolutions.</param>
    /// <param name="dropoutRate">Rate of the spatial dropout after each convolution's ReLU, in [0, 1).</param>
    /// <param name="padding"><see cref="PaddingMode.Causal"/> (keras-tcn's default) or <see cref="PaddingMode.Same"/>.</param>
    public TcnResidualBlockOptions(int inputChannels, int filters, int kernelSize, int dilation,
        float dropoutRate = 0f, PaddingMode padding = PaddingMode.Causal)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(filters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dilation);
        if (padding is not (PaddingMode.Causal or PaddingMode.Same))
            throw new ArgumentException($"A TCN block pads Causal or Same, not {padding}.", nameof(padding));
        InputChannels = inputChannels;
        Filters = filters;
        KernelSize = kernelSize;
        Dilation = dilation;
        DropoutRate = new DropoutOptions(dropoutRate, spatial: true).Rate;
        Padding = padding;
    }

    /// <summary>Channels of the block's input.</summary>
    public int InputChannels { get; }

    /// <summary>Channels of both convolutions and of the output.</summary>
    public int Filters { get; }

    /// <summary>Taps of each dilated convolution.</summary>
    public int KernelSize { get; }

    /// <summary>Dilation of both convolutions.</summary>
    public int Dilation { get; }

    /// <summary>Spatial dropout rate after each convolution's ReLU.</summary>
    public float DropoutRate { get; }

    /// <summary>Causal or Same padding of both convolutions.</summary>
    public PaddingMode Padding { get; }
}
