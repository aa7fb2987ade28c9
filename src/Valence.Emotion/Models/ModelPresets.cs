namespace Valence.Emotion.Models;

/// <summary>The model zoo: every preset a <see cref="ModelSpec"/> may name.</summary>
public static class ModelPresets
{
    /// <summary>Every preset, the paper's two first.</summary>
    public static IReadOnlyList<ModelPreset> All { get; } =
    [
        new("cnn-lstm", "Conv1D → ReLU → MaxPool → LSTM (all steps) → Flatten → Dense → ReLU → Dropout → Dense (the paper's)",
            new CnnRecurrentSettings(), spec => Settings<CnnRecurrentSettings>(spec).Build(spec, RecurrentCellKind.Lstm)),
        new("cnn-gru", "Conv1D → ReLU → MaxPool → GRU (all steps) → Flatten → Dense → ReLU → Dropout → Dense (the paper's)",
            new CnnRecurrentSettings(), spec => Settings<CnnRecurrentSettings>(spec).Build(spec, RecurrentCellKind.Gru)),
        new("tcn", "keras-tcn TCN (last step) → Dense",
            new TcnSettings(), spec => Settings<TcnSettings>(spec).Build(spec)),
        new("lstm", "two-layer LSTM over the raw samples (last step) → Dropout → Dense (TorchEEG's)",
            new RecurrentSettings(), spec => Settings<RecurrentSettings>(spec).Build(spec, RecurrentCellKind.Lstm)),
        new("gru", "two-layer GRU over the raw samples (last step) → Dropout → Dense (TorchEEG's)",
            new RecurrentSettings(), spec => Settings<RecurrentSettings>(spec).Build(spec, RecurrentCellKind.Gru)),
        new("bandpower", "log band power per channel (Welch) → standardisation fitted on training data → Dense (linear softmax)",
            new BandPowerSettings(), spec => Settings<BandPowerSettings>(spec).Build(spec)),
    ];

    /// <summary>The names of every preset.</summary>
    public static IEnumerable<string> Names => All.Select(p => p.Name);

    /// <summary>The preset named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No preset has that name; the message lists the known ones.</exception>
    public static ModelPreset Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(p => p.Name == name)
            ?? throw new ArgumentException($"Unknown model preset '{name}'; known presets: {string.Join(", ", Names)}.", nameof(name));
    }

    private static T Settings<T>(ModelSpec spec) where T : ModelSettings => (T)spec.Settings;
}
