namespace Valence.Nn.Layers;

/// <summary>Settings of a <see cref="Tcn"/>; the defaults are keras-tcn's.</summary>
public sealed record TcnOptions
{
    /// <summary>Validates and creates the settings.</summary>
    /// <param name="inputChannels">Channels of the input [batch, channels, time].</param>
    /// <param name="filters">Channels of every block (keras-tcn: 64).</param>
    /// <param name="kernelSize">Taps of every dilated convolution (keras-tcn: 3).</param>
    /// <param name="dilations">Dilation of each block of a stack, each at least 1 (keras-tcn: 1, 2, 4, 8, 16, 32).</param>
    /// <param name="stacks">How many times the list of dilations is repeated (keras-tcn: 1).</param>
    /// <param name="dropoutRate">Spatial dropout rate inside every block (keras-tcn: 0).</param>
    /// <param name="useSkipConnections">Whether the output is the sum of every block's branch (keras-tcn: true) rather than the last block's output.</param>
    /// <param name="returnSequences">Whether to return every time step, or one step (the last when causal, the middle when Same, as keras-tcn).</param>
    /// <param name="padding">Causal (keras-tcn's default) or Same.</param>
    public TcnOptions(int inputChannels, int filters = 64, int kernelSize = 3, IReadOnlyList<int>? dilations = null, int stacks = 1,
        float dropoutRate = 0f, bool useSkipConnections = true, bool returnSequences = false, PaddingMode padding = PaddingMode.Causal)
    {
        dilations ??= [1, 2, 4, 8, 16, 32];
        if (dilations.Count == 0 || dilations.Any(d => d < 1))
            throw new ArgumentException($"dilations must be a non-empty list of values ≥ 1; got [{string.Join(", ", dilations)}].", nameof(dilations));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stacks);
        InputChannels = inputChannels;
        Filters = filters;
        KernelSize = kernelSize;
        Dilations = dilations.ToArray();
        Stacks = stacks;
        DropoutRate = dropoutRate;
        UseSkipConnections = useSkipConnections;
        ReturnSequences = returnSequences;
        Padding = padding;
        _ = Block(0, inputChannels);
    }

    /// <summary>Channels of the input.</summary>
    public int InputChannels { get; }

    /// <summary>Channels of every block.</summary>
    public int Filters { get; }

    /// <summary>Taps of every dilated convolution.</summary>
    public int KernelSize { get; }

    /// <summary>Dilation of each block of a stack.</summary>
    public IReadOnlyList<int> Dilations { get; }

    /// <summary>How many times the dilations repeat.</summary>
    public int Stacks { get; }

    /// <summary>Spatial dropout rate inside every block.</summary>
    public float DropoutRate { get; }

    /// <summary>Whether the output sums every block's branch.</summary>
    public bool UseSkipConnections { get; }

    /// <summary>Whether every time step is returned.</summary>
    public bool ReturnSequences { get; }

    /// <summary>Causal or Same padding.</summary>
    public PaddingMode Padding { get; }

    /// <summary>How many residual blocks the network has.</summary>
    public int BlockCount => Stacks * Dilations.Count;

    /// <summary>The options of block <paramref name="index"/> (validated as a block's).</summary>
    public TcnResidualBlockOptions Block(int index, int inputChannels) =>
        new(inputChannels, Filters, KernelSize, Dilations[index % Dilations.Count], DropoutRate, Padding);

    /// <summary>Time steps of the input that one output step sees: 1 + 2·(kernel − 1)·Σ dilations·stacks.</summary>
    public int ReceptiveField => 1 + 2 * (KernelSize - 1) * Stacks * Dilations.Sum();
}
