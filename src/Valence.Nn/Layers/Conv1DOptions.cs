using System.Text.Json.Serialization;

namespace Valence.Nn.Layers;

/// <summary>
/// Settings of a <see cref="Conv1D"/> layer: PyTorch's <c>nn.Conv1d(in_channels, out_channels, kernel_size, stride,
/// padding, dilation, groups, bias)</c>, with Keras' 'same' (for stride &gt; 1) and 'causal' padding added.
/// </summary>
public sealed record Conv1DOptions
{
    /// <summary>Validates and creates the settings.</summary>
    /// <param name="explicitPadding">Zeros added on each side; only with <see cref="PaddingMode.Explicit"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size, the stride or the dilation is zero or negative, or the explicit padding is negative.</exception>
    /// <exception cref="ArgumentException">A channel count is not divisible by <paramref name="groups"/>, or an explicit padding is given with another padding mode.</exception>
    public Conv1DOptions(int inChannels, int outChannels, int kernelSize, int stride = 1, int dilation = 1,
        int groups = 1, PaddingMode padding = PaddingMode.Valid, int explicitPadding = 0, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dilation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        ArgumentOutOfRangeException.ThrowIfNegative(explicitPadding);
        if (!Enum.IsDefined(padding))
            throw new ArgumentOutOfRangeException(nameof(padding), padding, $"padding must be one of {string.Join(", ", Enum.GetNames<PaddingMode>())}.");
        if (inChannels % groups != 0)
            throw new ArgumentException($"inChannels={inChannels} is not divisible by groups={groups}; each group must see the same number of input channels.", nameof(groups));
        if (outChannels % groups != 0)
            throw new ArgumentException($"outChannels={outChannels} is not divisible by groups={groups}; each group must produce the same number of output channels.", nameof(groups));
        if (explicitPadding != 0 && padding != PaddingMode.Explicit)
            throw new ArgumentException($"explicitPadding={explicitPadding} is given but padding is {padding}; an explicit padding needs padding={nameof(PaddingMode.Explicit)}.", nameof(explicitPadding));
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Dilation = dilation;
        Groups = groups;
        Padding = padding;
        ExplicitPadding = explicitPadding;
        Bias = bias;
    }

    /// <summary>Channels of the input [batch, inChannels, time].</summary>
    public int InChannels { get; }

    /// <summary>Channels of the output [batch, outChannels, time'].</summary>
    public int OutChannels { get; }

    /// <summary>Kernel length in time steps.</summary>
    public int KernelSize { get; }

    /// <summary>Step between successive kernel positions.</summary>
    public int Stride { get; }

    /// <summary>Spacing between the kernel's taps.</summary>
    public int Dilation { get; }

    /// <summary>Channel groups: group g's output channels see only group g's input channels.</summary>
    public int Groups { get; }

    /// <summary>How the time axis is padded (see <see cref="PaddingMode"/>).</summary>
    public PaddingMode Padding { get; }

    /// <summary>Zeros added on each side with <see cref="PaddingMode.Explicit"/>; zero otherwise.</summary>
    public int ExplicitPadding { get; }

    /// <summary>Whether the layer adds a learned bias per output channel.</summary>
    public bool Bias { get; }

    /// <summary>Time steps the kernel spans: (kernelSize − 1)·dilation + 1.</summary>
    [JsonIgnore]
    public int ReceptiveField => (KernelSize - 1) * Dilation + 1;

    /// <summary>
    /// The zeros padded on each side of an input of <paramref name="inputLength"/> steps and the resulting output
    /// length, which is zero when the padded input is shorter than the receptive field.
    /// </summary>
    public (int Left, int Right, int OutputLength) Geometry(int inputLength)
    {
        int span = ReceptiveField;
        int left, right;
        switch (Padding)
        {
            case PaddingMode.Same:
                int outputLength = (inputLength + Stride - 1) / Stride;
                int total = Math.Max((outputLength - 1) * Stride + span - inputLength, 0);
                left = total / 2;
                right = total - left;
                break;
            case PaddingMode.Causal:
                left = span - 1;
                right = 0;
                break;
            default:
                left = right = ExplicitPadding;
                break;
        }
        int padded = inputLength + left + right;
        return (left, right, padded < span ? 0 : (padded - span) / Stride + 1);
    }
}
