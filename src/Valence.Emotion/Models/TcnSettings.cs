using Valence.Nn.Layers;

namespace Valence.Emotion.Models;

/// <summary>
/// Settings of the <c>tcn</c> model, a temporal convolutional network for comparison: keras-tcn's TCN with its
/// defaults (64 filters, kernel 3, dilations 1, 2, 4, …, 32, one stack, causal padding, skip connections, no
/// dropout), keeping the last time step, then Dense(classes).
/// </summary>
/// <remarks>
/// With the defaults the receptive field is 1 + 2·(3 − 1)·63 = 253 samples, just under a 2 s window at 128 Hz, so
/// the last step sees the whole window. Layers: <c>tcn</c> (<see cref="Tcn"/>), <c>fc</c>.
/// </remarks>
public sealed record TcnSettings : ModelSettings
{
    /// <summary>Creates and validates the settings; every argument has the documented default.</summary>
    /// <exception cref="ArgumentException">A size below 1, an empty list of dilations or one below 1, or a dropout rate outside [0, 1).</exception>
    public TcnSettings(int filters = 64, int kernelSize = 3, IReadOnlyList<int>? dilations = null, int stacks = 1,
        float dropout = 0f, bool useSkipConnections = true)
    {
        Filters = RequirePositive(filters, nameof(filters));
        KernelSize = RequirePositive(kernelSize, nameof(kernelSize));
        Dilations = (dilations ?? [1, 2, 4, 8, 16, 32]).ToArray();
        if (Dilations.Count == 0 || Dilations.Any(d => d < 1))
            throw new ArgumentException($"dilations must be a non-empty list of values of at least 1; got [{string.Join(", ", Dilations)}].", nameof(dilations));
        Stacks = RequirePositive(stacks, nameof(stacks));
        Dropout = RequireDropout(dropout, nameof(dropout));
        UseSkipConnections = useSkipConnections;
    }

    /// <summary>Channels of every residual block (default 64).</summary>
    public int Filters { get; }

    /// <summary>Taps of every dilated convolution (default 3).</summary>
    public int KernelSize { get; }

    /// <summary>Dilation of each block of a stack (default 1, 2, 4, 8, 16, 32).</summary>
    public IReadOnlyList<int> Dilations { get; }

    /// <summary>How many times the dilations repeat (default 1).</summary>
    public int Stacks { get; }

    /// <summary>Spatial dropout rate inside every block (default 0).</summary>
    public float Dropout { get; }

    /// <summary>Whether the output sums every block's branch (default true).</summary>
    public bool UseSkipConnections { get; }

    /// <inheritdoc />
    public bool Equals(TcnSettings? other) =>
        other is not null && Filters == other.Filters && KernelSize == other.KernelSize && Dilations.SequenceEqual(other.Dilations)
        && Stacks == other.Stacks && Dropout == other.Dropout && UseSkipConnections == other.UseSkipConnections;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Filters, KernelSize, Dilations.Count, Stacks, Dropout, UseSkipConnections);

    internal override void Validate(ModelSpec spec) { }

    internal Sequential Build(ModelSpec spec) => new(spec.Preset,
        new Tcn("tcn", new TcnOptions(spec.Channels, Filters, KernelSize, Dilations, Stacks, Dropout, UseSkipConnections)),
        new Dense("fc", new DenseOptions(Filters, spec.Classes)));
}
