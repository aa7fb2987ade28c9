using Valence.Eeg.Recordings;

namespace Valence.Eeg.Formats.Deap;

/// <summary>The channels of DEAP's raw BDF recordings: the EEG order of each site and the peripheral channels' labels.</summary>
/// <remarks>
/// The Twente order is the BioSemi 32-electrode cap's order, as DEAP's documentation tabulates it beside the Geneva
/// order; a third-party transcription of that table (a DEAP analysis repository's channel list) agrees with it. It
/// has not been checked against a real Twente file, which is not on this machine: the reader therefore prefers the
/// file's own labels when they name all 32 electrodes and uses this table only for files whose labels do not.
/// </remarks>
public static class DeapRawChannels
{
    /// <summary>Participants up to this number were recorded in Twente, later ones in Geneva.</summary>
    public const int LastTwenteParticipant = 22;

    /// <summary>The electrode on each of the first 32 channels of a Twente recording (participants 1–22).</summary>
    public static IReadOnlyList<string> TwenteEeg { get; } =
    [
        "Fp1", "AF3", "F7", "F3", "FC1", "FC5", "T7", "C3", "CP1", "CP5", "P7", "P3", "Pz", "PO3", "O1", "Oz",
        "O2", "PO4", "P4", "P8", "CP6", "CP2", "C4", "T8", "FC6", "FC2", "F4", "F8", "AF4", "Fp2", "Fz", "Cz",
    ];

    /// <summary>The electrode on each of the first 32 channels of a Geneva recording (participants 23–32): the preprocessed files' order.</summary>
    public static IReadOnlyList<string> GenevaEeg => DeapChannels.Eeg;

    /// <summary>
    /// The peripheral channels' labels in DEAP's raw files, in file order: EXG1–EXG8 (hEOG1, hEOG2, vEOG1, vEOG2,
    /// zEMG1, zEMG2, tEMG1, tEMG2), GSR1, GSR2, Erg1, Erg2, Resp, Plet, Temp. GSR2, Erg1 and Erg2 were unused.
    /// </summary>
    public static IReadOnlyList<string> Peripheral { get; } =
        ["EXG1", "EXG2", "EXG3", "EXG4", "EXG5", "EXG6", "EXG7", "EXG8", "GSR1", "GSR2", "Erg1", "Erg2", "Resp", "Plet", "Temp"];

    /// <summary>Where participant <paramref name="participant"/> (1-based) was recorded.</summary>
    public static DeapRecordingSite SiteOf(int participant)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participant);
        return participant <= LastTwenteParticipant ? DeapRecordingSite.Twente : DeapRecordingSite.Geneva;
    }

    /// <summary>The electrode on each of the first 32 channels of a recording from <paramref name="site"/>.</summary>
    public static IReadOnlyList<string> EegOrder(DeapRecordingSite site) =>
        site == DeapRecordingSite.Twente ? TwenteEeg : GenevaEeg;
}
