namespace Valence.Eeg.Formats.Mat;

/// <summary>What a MAT-file says about one top-level variable, read without reading its values.</summary>
/// <param name="Name">The variable's name ("" for opaque objects, which carry no name in their header).</param>
/// <param name="Class">The array class.</param>
/// <param name="Dimensions">The dimensions in MATLAB's order (rows, columns, pages, …); empty for opaque objects.</param>
/// <param name="IsComplex">Whether the array has an imaginary part.</param>
/// <param name="IsLogical">Whether the array is logical (stored as uint8 zeros and ones).</param>
/// <param name="IsCompressed">Whether the variable sits inside a miCOMPRESSED element.</param>
/// <param name="Offset">Byte offset of the variable's top-level element in the file.</param>
public sealed record MatVariableInfo(string Name, MatArrayClass Class, IReadOnlyList<int> Dimensions, bool IsComplex,
    bool IsLogical, bool IsCompressed, long Offset)
{
    /// <summary>Whether <see cref="MatFileReader.ReadArray{T}"/> can read the variable: a real array of a numeric class (double … uint64, logical included).</summary>
    public bool IsRealNumeric => MatArrayClasses.IsNumeric(Class) && !IsComplex;

    /// <summary>The dimensions written the MATLAB way, e.g. "40×40×8064".</summary>
    public string Shape => string.Join("×", Dimensions);
}
