namespace Valence.Emotion.Experiments;

/// <summary>
/// What <c>valence demo</c> does: how much synthetic DEAP data it writes, which models it trains under which
/// protocols, and for how long. The defaults fit the whole demo in about two minutes on a 2-core machine (measured: 2 min 6 s, build included).
/// </summary>
public sealed record DemoSettings
{
    /// <summary>Synthetic subjects (default 8; each is 40 trials of 63 s at 128 Hz, written as DEAP .dat files).</summary>
    public int Subjects { get; init => field = value is >= 1 and <= 32 ? value : throw new ArgumentOutOfRangeException(nameof(Subjects), value, "The demo generates 1–32 subjects."); } = 8;

    /// <summary>Epochs per deep model (default 10).</summary>
    public int Epochs { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Epochs), value, "The demo trains at least 1 epoch."); } = 10;

    /// <summary>Seconds between window starts (default 1, the paper's: 2 s windows overlap by half).</summary>
    public double StrideSeconds { get; init; } = 1;

    /// <summary>The seed of the data, the splits and training (default 1).</summary>
    public int Seed { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Seed), value, "The seed is at least 0."); } = 1;

    /// <summary>The models, baseline first (default bandpower, cnn-lstm, cnn-gru).</summary>
    public IReadOnlyList<string> Models { get; init; } = ["bandpower", "cnn-lstm", "cnn-gru"];

    /// <summary>The protocols (default paper and trial-holdout).</summary>
    public IReadOnlyList<string> Protocols { get; init; } = ["paper", "trial-holdout"];

    /// <summary>The experiment each model × protocol pair runs, on the DEAP folder <paramref name="dataFolder"/>.</summary>
    public ExperimentSettings Experiment(string dataFolder, string model, string protocol)
    {
        var settings = new ExperimentSettings
        {
            Data = new DataSettings { Folder = dataFolder },
            Windows = new WindowingSettings { StrideSeconds = StrideSeconds },
            Protocol = new ProtocolSettings { Name = protocol, Seed = Seed },
            Model = new ModelChoice(model),
        };
        // The baseline is a linear classifier on standardised features: it takes a larger step and converges in a few epochs.
        var training = model == "bandpower"
            ? settings.Training with { Epochs = Math.Min(Epochs, 10), LearningRate = 1e-2 }
            : settings.Training with { Epochs = Epochs };
        return settings with { Training = training with { Seed = (ulong)Seed } };
    }
}
