namespace Valence.Eeg.Formats.Deap;

/// <summary>Where a DEAP participant was recorded; the sites wired the 32 EEG electrodes to the amplifier in different orders.</summary>
public enum DeapRecordingSite
{
    /// <summary>University of Twente: participants 1–22.</summary>
    Twente,

    /// <summary>University of Geneva: participants 23–32; their order is the one of DEAP's preprocessed files.</summary>
    Geneva,
}
