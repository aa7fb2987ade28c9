namespace Valence.Eeg.Formats.Edf;

/// <summary>The two sample widths of the EDF family: European Data Format and BioSemi's 24-bit variant.</summary>
public enum EdfFormat
{
    /// <summary>EDF and EDF+: version field "0", samples 16-bit little-endian two's complement.</summary>
    Edf,

    /// <summary>BDF and BDF+: version field 0xFF + "BIOSEMI", samples 24-bit little-endian two's complement.</summary>
    Bdf,
}
