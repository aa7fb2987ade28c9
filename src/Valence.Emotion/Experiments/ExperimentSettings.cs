using System.Text.Json;
using Valence.Emotion.Serialization;
using Valence.Emotion.Training;

namespace Valence.Emotion.Experiments;

/// <summary>
/// Everything an experiment does, in one serialisable record: data, preprocessing, windows, labels, normalisation,
/// protocol, model and training. Saved into every run folder as <c>settings.json</c>, so a run can be repeated
/// exactly. Every part has documented defaults; only the data must be given.
/// </summary>
/// <remarks>
/// <see cref="Validate"/> checks every part on its own (before any data is read); what depends on the data (channels
/// present, windows that fit the trials, enough trials for the folds, a model that fits the windows) is checked by
/// <see cref="ExperimentRunner"/> once the first subject is read, before training starts.
/// </remarks>
public sealed record ExperimentSettings
{
    /// <summary>Where the recordings come from (no default: a folder or synthetic data must be given).</summary>
    public DataSettings Data { get; init => field = value ?? throw new ArgumentNullException(nameof(Data)); } = new();

    /// <summary>What is done to each recording before windowing (default: the Emotiv 14 channels kept, each trial's baseline mean removed and the baseline dropped; raw recordings first go through DEAP's pipeline).</summary>
    public ExperimentPreprocessing Preprocessing { get; init => field = value ?? throw new ArgumentNullException(nameof(Preprocessing)); } = new();

    /// <summary>How trials are cut into windows (default 2 s windows, 1 s stride).</summary>
    public WindowingSettings Windows { get; init => field = value ?? throw new ArgumentNullException(nameof(Windows)); } = new();

    /// <summary>How ratings become classes (default the four quadrants).</summary>
    public LabelSettings Labels { get; init => field = value ?? throw new ArgumentNullException(nameof(Labels)); } = new();

    /// <summary>How channels are normalised, fitted on each fold's training windows.</summary>
    public NormalizationSettings Normalization { get; init => field = value ?? throw new ArgumentNullException(nameof(Normalization)); } = new();

    /// <summary>The evaluation protocol (default trial-holdout).</summary>
    public ProtocolSettings Protocol { get; init => field = value ?? throw new ArgumentNullException(nameof(Protocol)); } = new();

    /// <summary>The model (default cnn-lstm with its default sizes).</summary>
    public ModelChoice Model { get; init => field = value ?? throw new ArgumentNullException(nameof(Model)); } = new();

    /// <summary>How the model is trained (see <see cref="TrainingSettings"/> for the defaults).</summary>
    public TrainingSettings Training { get; init => field = value ?? throw new ArgumentNullException(nameof(Training)); } = new();

    /// <summary>Checks every part on its own, naming the first bad setting; reads no data.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or the parts contradict each other.</exception>
    public void Validate()
    {
        Data.Validate();
        Windows.ToWindowSettings();
        Labels.ToScheme();
        Normalization.ToNormalizerSettings();
        Protocol.Create();
        if (Training.EarlyStopping is not null && Protocol.ValidationRatio == 0)
            throw new ArgumentException("training.earlyStopping watches the validation loss, but protocol.validationRatio is 0; give a validation ratio or drop early stopping.");
        if (Training.Schedule is PlateauSchedule && Protocol.ValidationRatio == 0)
            throw new ArgumentException("a plateau schedule watches the validation loss, but protocol.validationRatio is 0; give a validation ratio or another schedule.");
    }

    /// <summary>The settings as indented JSON, every value written (defaults included).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ExperimentJson.Options);

    /// <summary>Reads settings written by <see cref="ToJson"/> (or by hand: missing fields take their defaults, unknown ones are refused).</summary>
    /// <exception cref="FormatException">Not JSON, an unknown field, or a value out of range; the message says which.</exception>
    public static ExperimentSettings FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<ExperimentSettings>(json, ExperimentJson.Options)
                ?? throw new FormatException("Experiment settings: expected a JSON object, not null.");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new FormatException($"Experiment settings: {e.Message}", e);
        }
    }
}
