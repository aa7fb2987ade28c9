namespace Valence.Eeg.Formats.Mat;

/// <summary>The data types of MAT Level 5 data elements (the <c>mi*</c> codes in a tag's type field).</summary>
public enum MatDataType
{
    /// <summary><c>miINT8</c>: signed 8-bit integers (also array names).</summary>
    Int8 = 1,
    /// <summary><c>miUINT8</c>: unsigned 8-bit integers.</summary>
    UInt8 = 2,
    /// <summary><c>miINT16</c>: signed 16-bit integers.</summary>
    Int16 = 3,
    /// <summary><c>miUINT16</c>: unsigned 16-bit integers.</summary>
    UInt16 = 4,
    /// <summary><c>miINT32</c>: signed 32-bit integers (also dimensions).</summary>
    Int32 = 5,
    /// <summary><c>miUINT32</c>: unsigned 32-bit integers (also array flags).</summary>
    UInt32 = 6,
    /// <summary><c>miSINGLE</c>: IEEE 754 single precision.</summary>
    Single = 7,
    /// <summary><c>miDOUBLE</c>: IEEE 754 double precision.</summary>
    Double = 9,
    /// <summary><c>miINT64</c>: signed 64-bit integers.</summary>
    Int64 = 12,
    /// <summary><c>miUINT64</c>: unsigned 64-bit integers.</summary>
    UInt64 = 13,
    /// <summary><c>miMATRIX</c>: an array (a variable, or a cell or field inside one).</summary>
    Matrix = 14,
    /// <summary><c>miCOMPRESSED</c>: a zlib stream holding another element.</summary>
    Compressed = 15,
    /// <summary><c>miUTF8</c>: UTF-8 text.</summary>
    Utf8 = 16,
    /// <summary><c>miUTF16</c>: UTF-16 text.</summary>
    Utf16 = 17,
    /// <summary><c>miUTF32</c>: UTF-32 text.</summary>
    Utf32 = 18,
}

/// <summary>Sizes and names of <see cref="MatDataType"/> values.</summary>
internal static class MatDataTypes
{
    /// <summary>Bytes per value of a numeric type (the types an array's real part may be stored as), 0 for the others.</summary>
    public static int NumericSize(MatDataType type) => type switch
    {
        MatDataType.Int8 or MatDataType.UInt8 => 1,
        MatDataType.Int16 or MatDataType.UInt16 => 2,
        MatDataType.Int32 or MatDataType.UInt32 or MatDataType.Single => 4,
        MatDataType.Int64 or MatDataType.UInt64 or MatDataType.Double => 8,
        _ => 0,
    };

    /// <summary>The name the MAT-file documentation uses ("miDOUBLE"), or the number for an unknown code.</summary>
    public static string Describe(MatDataType type) =>
        Enum.IsDefined(type) ? "mi" + type.ToString().ToUpperInvariant() : $"unknown type {(uint)type}";
}
