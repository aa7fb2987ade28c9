namespace Valence.Eeg.Recordings;

/// <summary>
/// The channel layout of DEAP's raw BDF recordings (512 Hz, 48 channels) and the per-site differences: participants
/// 1–22 were recorded in Twente, 23–32 in Geneva, with a different EEG channel order and GSR unit, and the Status
/// channel of participants 24–32 carries a constant offset.
/// </summary>
public static class DeapRawLayout
{
    /// <summary>The 32 EEG channels in the order of the Twente recordings (participants 1–22).</summary>
    public static IReadOnlyList<string> TwenteEeg { get; } =
    [
        "Fp1", "AF3", "F7", "F3", "FC1", "FC5", "T7", "C3", "CP1", "CP5", "P7", "P3", "Pz", "PO3", "O1", "Oz",
        "O2", "PO4", "P4", "P8", "CP6", "CP2", "C4", "T8", "FC6", "FC2", "F4", "F8", "AF4", "Fp2", "Fz", "Cz",
    ];

    /// <summary>
    /// The eight external electrodes: EXG1 left of the left eye, EXG2 right of the right eye (hEOG = EXG1 − EXG2),
    /// EXG3 above and EXG4 below the right eye (vEOG = EXG3 − EXG4), EXG5/EXG6 zygomaticus major, EXG7/EXG8 trapezius.
    /// </summary>
    public static IReadOnlyList<string> External { get; } = ["EXG1", "EXG2", "EXG3", "EXG4", "EXG5", "EXG6", "EXG7", "EXG8"];

    /// <summary>The sensor channels after the external electrodes; GSR2, Erg1 and Erg2 were not used.</summary>
    public static IReadOnlyList<string> Sensors { get; } = ["GSR1", "GSR2", "Erg1", "Erg2", "Resp", "Plet", "Temp"];

    /// <summary>The label of the trigger channel.</summary>
    public const string StatusLabel = "Status";

    /// <summary>Participants whose familiarity ratings are missing from participant_ratings.csv.</summary>
    public static IReadOnlyList<int> MissingFamiliarity { get; } = [2, 15, 23];

    /// <summary>Whether the participant was recorded in Twente (1–22) rather than Geneva (23–32).</summary>
    public static bool IsTwente(int participant) => participant <= 22;

    /// <summary>Whether the participant's Status values carry a constant offset (24–32): subtract the first value, then take it modulo 65536.</summary>
    public static bool HasStatusOffset(int participant) => participant >= 24;

    /// <summary>The EEG channel order of the participant's raw file: Twente's for 1–22, Geneva's (<see cref="DeapChannels.Eeg"/>) for 23–32.</summary>
    public static IReadOnlyList<string> EegOrder(int participant) => IsTwente(participant) ? TwenteEeg : DeapChannels.Eeg;

    /// <summary>The unit of GSR1: conductance in nS in Twente, resistance in Ω in Geneva (Geneva value = 10⁹ / Twente value).</summary>
    public static string GsrUnit(int participant) => IsTwente(participant) ? "nS" : "Ohm";

    /// <summary>All 48 labels of the participant's raw file, in file order, the Status channel last.</summary>
    public static IReadOnlyList<string> Labels(int participant) => [.. EegOrder(participant), .. External, .. Sensors, StatusLabel];
}
