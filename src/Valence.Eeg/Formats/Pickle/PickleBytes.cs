namespace Valence.Eeg.Formats.Pickle;

/// <summary>A Python <c>bytes</c> (BINBYTES and its kin, or <c>_codecs.encode</c>'s result) or <c>bytearray</c> (BYTEARRAY8).</summary>
internal sealed class PickleBytes(PickleBlob content, bool isByteArray)
{
    /// <summary>The bytes.</summary>
    public PickleBlob Content { get; } = content;

    /// <summary>True for a <c>bytearray</c>, which Python treats as mutable and unhashable.</summary>
    public bool IsByteArray { get; } = isByteArray;
}
