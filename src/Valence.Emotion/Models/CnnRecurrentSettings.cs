using Valence.Nn.Layers;
using DropoutLayer = Valence.Nn.Layers.Dropout;

namespace Valence.Emotion.Models;

/// <summary>
/// Settings of the paper's models, <c>cnn-lstm</c> and <c>cnn-gru</c> (Zamani &amp; Wulansari, 2021):
/// Conv1D → ReLU → MaxPool → LSTM or GRU over the whole sequence → Flatten → Dense → ReLU → Dropout → Dense(classes).
/// </summary>
/// <remarks>
/// <para>The paper does not publish its sizes. The defaults follow a reference PyTorch run that learns on DEAP's
/// 2 s windows at 128 Hz (256 samples) with 14 or 32 channels: Conv1d(channels → 64, kernel 5), MaxPool(2),
/// LSTM/GRU(64) returning all 126 steps, Flatten (8,064 features), Dense(64), Dense(classes). A 5-tap kernel spans
/// 39 ms at 128 Hz, about one gamma cycle; the recurrent layer then integrates the slower rhythms over the whole
/// window, and keeping every step (not only the last) lets the dense layer weigh where in the window power
/// appears. ReLU follows the convolution and the first dense layer (two dense layers without it would collapse into
/// one linear map); dropout 0.5 before the last layer counters the overfitting that 2 s windows invite.</para>
/// <para>Layers (PyTorch-style names): <c>conv</c>, <c>conv_relu</c>, <c>pool</c>, <c>to_time_major</c> (Permute),
/// <c>lstm</c> or <c>gru</c>, <c>flatten</c>, <c>fc1</c>, <c>fc1_relu</c>, <c>dropout</c> (left out at rate 0),
/// <c>fc2</c>.</para>
/// </remarks>
public sealed record CnnRecurrentSettings : ModelSettings
{
    /// <summary>Creates and validates the settings; every argument has the documented default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size below 1 or a dropout rate outside [0, 1).</exception>
    public CnnRecurrentSettings(int filters = 64, int kernelSize = 5, int poolSize = 2, int hiddenSize = 64,
        int recurrentLayers = 1, int denseUnits = 64, float dropout = 0.5f)
    {
        Filters = RequirePositive(filters, nameof(filters));
        KernelSize = RequirePositive(kernelSize, nameof(kernelSize));
        PoolSize = RequirePositive(poolSize, nameof(poolSize));
        HiddenSize = RequirePositive(hiddenSize, nameof(hiddenSize));
        RecurrentLayers = RequirePositive(recurrentLayers, nameof(recurrentLayers));
        DenseUnits = RequirePositive(denseUnits, nameof(denseUnits));
        Dropout = RequireDropout(dropout, nameof(dropout));
    }

    /// <summary>Output channels of the convolution (default 64).</summary>
    public int Filters { get; }

    /// <summary>Taps of the convolution, in samples (default 5); no padding, so the sequence shortens by kernelSize − 1.</summary>
    public int KernelSize { get; }

    /// <summary>Window and stride of the max-pool, in time steps (default 2).</summary>
    public int PoolSize { get; }

    /// <summary>Hidden units of the recurrent layer (default 64).</summary>
    public int HiddenSize { get; }

    /// <summary>Stacked recurrent layers (default 1).</summary>
    public int RecurrentLayers { get; }

    /// <summary>Units of the hidden dense layer (default 64).</summary>
    public int DenseUnits { get; }

    /// <summary>Dropout rate before the last dense layer (default 0.5).</summary>
    public float Dropout { get; }

    /// <summary>The time steps the recurrent layer sees for windows of <paramref name="samples"/>: ⌊(samples − kernel + 1)/pool⌋.</summary>
    public int TimeSteps(int samples) => Math.Max(samples - KernelSize + 1, 0) / PoolSize;

    internal override void Validate(ModelSpec spec)
    {
        if (TimeSteps(spec.Samples) < 1)
            throw new ArgumentException(
                $"{spec.Preset}: a window of {spec.Samples} samples leaves no time step after the convolution (kernelSize {KernelSize}) and the max-pool (poolSize {PoolSize}); use longer windows or a smaller kernelSize or poolSize.",
                nameof(spec));
    }

    internal Sequential Build(ModelSpec spec, RecurrentCellKind cell)
    {
        int steps = TimeSteps(spec.Samples);
        var recurrentOptions = new RecurrentOptions(Filters, HiddenSize, RecurrentLayers, returnSequences: true);
        var layers = new List<Layer>
        {
            new Conv1D("conv", new Conv1DOptions(spec.Channels, Filters, KernelSize)),
            new ReLU("conv_relu"),
            new MaxPool1D("pool", new Pool1DOptions(PoolSize)),
            new Permute("to_time_major"),
            cell == RecurrentCellKind.Lstm ? new LSTM("lstm", recurrentOptions) : new GRU("gru", recurrentOptions),
            new Flatten("flatten"),
            new Dense("fc1", new DenseOptions(steps * HiddenSize, DenseUnits)),
            new ReLU("fc1_relu"),
        };
        if (Dropout > 0) layers.Add(new DropoutLayer("dropout", new DropoutOptions(Dropout)));
        layers.Add(new Dense("fc2", new DenseOptions(DenseUnits, spec.Classes)));
        return new Sequential(spec.Preset, layers);
    }
}
