namespace Valence.Eeg.Recordings;

/// <summary>DEAP's channel names in the "Geneva" order of the preprocessed files, and the named channel sets.</summary>
public static class DeapChannels
{
    /// <summary>The 32 EEG channels, Geneva order (index 0 = Fp1).</summary>
    public static IReadOnlyList<string> Eeg { get; } =
    [
        "Fp1", "AF3", "F3", "F7", "FC5", "FC1", "C3", "T7", "CP5", "CP1", "P3", "P7", "PO3", "O1", "Oz", "Pz",
        "Fp2", "AF4", "Fz", "F4", "F8", "FC6", "FC2", "Cz", "C4", "T8", "CP6", "CP2", "P4", "P8", "PO4", "O2",
    ];

    /// <summary>The 8 peripheral channels that follow the EEG in the preprocessed files.</summary>
    public static IReadOnlyList<string> Peripheral { get; } =
        ["hEOG", "vEOG", "zEMG", "tEMG", "GSR", "Respiration", "Plethysmograph", "Temperature"];

    /// <summary>All 40 channels of a preprocessed DEAP file, in file order.</summary>
    public static IReadOnlyList<string> Preprocessed { get; } = [.. Eeg, .. Peripheral];

    /// <summary>The 14 channels of the Emotiv EPOC layout, selected by name (never by a copied index list).</summary>
    public static IReadOnlyList<string> Emotiv14 { get; } =
        ["AF3", "F3", "F7", "FC5", "T7", "P7", "O1", "AF4", "F4", "F8", "FC6", "T8", "P8", "O2"];

    /// <summary>Sample rate of the preprocessed files, in Hz.</summary>
    public const double PreprocessedSampleRate = 128.0;

    /// <summary>Sample rate of the raw BDF recordings, in Hz.</summary>
    public const double RawSampleRate = 512.0;

    /// <summary>Length of the pre-trial baseline in the preprocessed files, in seconds.</summary>
    public const double BaselineSeconds = 3.0;

    /// <summary>Length of a trial (one music video), in seconds.</summary>
    public const double TrialSeconds = 60.0;
}
