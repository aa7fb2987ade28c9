namespace Valence.Emotion.Experiments;

/// <summary>
/// The metadata an experiment adds to each saved model file, beside what <see cref="Models.EmotionModelFile"/>
/// stores, so that the file alone is enough to prepare new data the way the model was trained on.
/// </summary>
public static class ExperimentModelMetadata
{
    /// <summary>The experiment's settings as JSON (<see cref="ExperimentSettings.ToJson"/>): preprocessing, windows, labels, normalisation, protocol, training.</summary>
    public const string Settings = "experiment_settings";

    /// <summary>The preprocessing pipeline the model's data went through, for the form it was read in (Valence.Eeg's canonical PreprocessingSettings JSON).</summary>
    public const string Preprocessing = "preprocessing";

    /// <summary>The normaliser fitted on the fold's training windows (<see cref="Valence.Eeg.Datasets.Normalizer.ToJson"/>).</summary>
    public const string Normalizer = "normalizer";

    /// <summary>The fold's split manifest (<see cref="Valence.Eeg.Protocols.SplitManifest.ToJson"/>): what was held out.</summary>
    public const string SplitManifest = "split_manifest";

    /// <summary>The 0-based fold the model was trained in.</summary>
    public const string Fold = "fold";
}
