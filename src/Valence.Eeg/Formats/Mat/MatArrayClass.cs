namespace Valence.Eeg.Formats.Mat;

/// <summary>The class of a MAT Level 5 array (the <c>mx*</c> codes in the low byte of the array flags).</summary>
public enum MatArrayClass
{
    /// <summary><c>mxCELL_CLASS</c>: a cell array.</summary>
    Cell = 1,
    /// <summary><c>mxSTRUCT_CLASS</c>: a struct array.</summary>
    Struct = 2,
    /// <summary><c>mxOBJECT_CLASS</c>: an old-style object.</summary>
    Object = 3,
    /// <summary><c>mxCHAR_CLASS</c>: a character array.</summary>
    Char = 4,
    /// <summary><c>mxSPARSE_CLASS</c>: a sparse matrix.</summary>
    Sparse = 5,
    /// <summary><c>mxDOUBLE_CLASS</c>: double precision.</summary>
    Double = 6,
    /// <summary><c>mxSINGLE_CLASS</c>: single precision.</summary>
    Single = 7,
    /// <summary><c>mxINT8_CLASS</c>.</summary>
    Int8 = 8,
    /// <summary><c>mxUINT8_CLASS</c> (also logical arrays, with the logical flag set).</summary>
    UInt8 = 9,
    /// <summary><c>mxINT16_CLASS</c>.</summary>
    Int16 = 10,
    /// <summary><c>mxUINT16_CLASS</c>.</summary>
    UInt16 = 11,
    /// <summary><c>mxINT32_CLASS</c>.</summary>
    Int32 = 12,
    /// <summary><c>mxUINT32_CLASS</c>.</summary>
    UInt32 = 13,
    /// <summary><c>mxINT64_CLASS</c>.</summary>
    Int64 = 14,
    /// <summary><c>mxUINT64_CLASS</c>.</summary>
    UInt64 = 15,
    /// <summary><c>mxFUNCTION_CLASS</c>: a function handle.</summary>
    Function = 16,
    /// <summary><c>mxOPAQUE_CLASS</c>: a new-style (classdef) object or other opaque data.</summary>
    Opaque = 17,
}

/// <summary>Questions about <see cref="MatArrayClass"/> values.</summary>
internal static class MatArrayClasses
{
    /// <summary>Whether arrays of <paramref name="arrayClass"/> hold plain numbers (double … uint64) that can be read as numbers.</summary>
    public static bool IsNumeric(MatArrayClass arrayClass) =>
        arrayClass is >= MatArrayClass.Double and <= MatArrayClass.UInt64;
}
