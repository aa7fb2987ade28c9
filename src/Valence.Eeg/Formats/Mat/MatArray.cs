using System.Numerics;

namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// A numeric variable read from a MAT-file, its values converted to <typeparamref name="T"/> and laid out row-major
/// (last index fastest) for dimensions in MATLAB's order: element (i, j, k) of a d0×d1×d2 array is at
/// ((i·d1) + j)·d2 + k.
/// </summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Class">The class the file gave the array (the values were converted from it).</param>
/// <param name="Dimensions">The dimensions in MATLAB's order.</param>
/// <param name="Values">The values, row-major; the array is the caller's.</param>
public sealed record MatArray<T>(string Name, MatArrayClass Class, IReadOnlyList<int> Dimensions, T[] Values)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The dimensions written the MATLAB way, e.g. "40×4".</summary>
    public string Shape => string.Join("×", Dimensions);
}
