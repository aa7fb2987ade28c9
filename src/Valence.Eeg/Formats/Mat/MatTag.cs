namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// The tag that starts every MAT Level 5 data element: a type and a byte count, either as two 32-bit words or, in
/// the small data element format, packed into one word (count in the upper 16 bits, type in the lower) with up to
/// four bytes of data in the word after it.
/// </summary>
/// <param name="Type">The element's data type.</param>
/// <param name="ByteCount">Bytes of data, padding excluded.</param>
/// <param name="IsSmall">Whether the element uses the small data element format.</param>
internal readonly record struct MatTag(MatDataType Type, uint ByteCount, bool IsSmall)
{
    /// <summary>Bytes between the end of the tag and the next element: a small element's data always takes 4, any other's is padded to a multiple of 8.</summary>
    public long PaddedLength => IsSmall ? SmallDataLength : ((long)ByteCount + 7) & ~7L;

    /// <summary>Bytes of padding after the data.</summary>
    public long PaddingLength => PaddedLength - ByteCount;

    /// <summary>The most data a small element can hold.</summary>
    public const int SmallDataLength = 4;

    /// <summary>Bytes in a full tag (type word and count word).</summary>
    public const int FullLength = 8;
}
