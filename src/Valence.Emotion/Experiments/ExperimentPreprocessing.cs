using System.Text.Json.Serialization;
using Valence.Eeg.Formats;
using Valence.Eeg.Preprocessing;
using Valence.Eeg.Preprocessing.Settings;

namespace Valence.Emotion.Experiments;

/// <summary>
/// What an experiment does to each recording before windowing, DEAP-style: raw recordings first go through
/// <see cref="Raw"/> (DEAP's own pipeline by default: resample to 128 Hz, EOG regression, band-pass 4–45 Hz, common
/// average reference, the 32 EEG channels), which DEAP's preprocessed files have already been through; then, for every
/// form, the chosen channels are kept and the baseline handled. <see cref="Pipeline"/> gives the whole pipeline for a
/// form as Valence.Eeg's <see cref="PreprocessingSettings"/>.
/// </summary>
public sealed record ExperimentPreprocessing
{
    /// <summary>The channels kept: a preset (<c>emotiv14</c>, the default: the Emotiv EPOC's 14; <c>eeg32</c>; <c>all</c>) or a list of names.</summary>
    public ChannelSet Channels { get; init => field = value ?? throw new ArgumentNullException(nameof(Channels)); } = ChannelSet.Emotiv14;

    /// <summary>What is done with each trial's baseline (default: its mean subtracted, then dropped).</summary>
    public BaselineHandling Baseline { get; init; } = BaselineHandling.RemoveMean;

    /// <summary>
    /// DEAP's pipeline (<see cref="PreprocessingSettings.Deap"/>) as it applies to raw recordings read by
    /// <see cref="DeapFolder"/>: those keep the EOG electrodes as recorded, EXG1–EXG4, rather than the bipolar hEOG
    /// (EXG1 − EXG2) and vEOG (EXG3 − EXG4) of DEAP's preprocessed files, so the EOG regression takes the four
    /// electrodes as regressors, whose span holds both derivations.
    /// </summary>
    public static PreprocessingSettings DeapRaw { get; } = PreprocessingSettings.Deap with
    {
        Steps = [.. PreprocessingSettings.Deap.Steps.Select(s => s is EogRegressionSettings eog ? eog with { EogChannels = ["EXG1", "EXG2", "EXG3", "EXG4"] } : s)],
    };

    /// <summary>The steps raw recordings (BDF) go through first (default <see cref="DeapRaw"/>); not applied to DEAP's preprocessed forms.</summary>
    [JsonConverter(typeof(PreprocessingSettingsJsonConverter))]
    public PreprocessingSettings Raw { get; init => field = value ?? throw new ArgumentNullException(nameof(Raw)); } = DeapRaw;

    /// <summary>The whole pipeline for recordings of <paramref name="format"/>: the raw steps (raw recordings only), channel selection, baseline handling.</summary>
    public PreprocessingSettings Pipeline(DeapFormat format)
    {
        var steps = new List<StepSettings>();
        if (format == DeapFormat.Raw) steps.AddRange(Raw.Steps);
        steps.Add(new ChannelSelectionSettings { Channels = Channels });
        if (Baseline != BaselineHandling.Keep)
            steps.Add(new BaselineRemovalSettings
            {
                Mode = Baseline == BaselineHandling.RemoveMean ? BaselineRemovalMode.TrialMean : BaselineRemovalMode.ChunkTemplate,
                Channels = ChannelSet.All,
                DropBaseline = true,
            });
        return new PreprocessingSettings { Steps = [.. steps] };
    }

    /// <summary>One line for reports.</summary>
    public string Describe(DeapFormat format) =>
        (format == DeapFormat.Raw ? "raw: " + string.Join(" → ", Raw.Steps.Select(s => s.Kind)) + " → " : "")
        + $"channels {Channels}; baseline {Baseline switch { BaselineHandling.RemoveMean => "mean removed, dropped", BaselineHandling.RemoveChunkTemplate => "chunk template removed, dropped", _ => "kept" }}";
}
