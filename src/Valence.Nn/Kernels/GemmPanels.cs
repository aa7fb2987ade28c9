namespace Valence.Nn.Kernels;

/// <summary>
/// Where the packed panels of one kc×nc block of op(B) sit: panel q (columns q·NR … q·NR + NR − 1) starts at
/// <c>First + q·Stride</c> and holds kc rows of NR floats. Packed per block, the stride is kc·NR; prepacked in
/// full depth (<see cref="GemmPackedB"/>), it is k·NR.
/// </summary>
internal readonly unsafe struct GemmPanels(float* first, nint stride)
{
    public float* First { get; } = first;
    public nint Stride { get; } = stride;

    /// <summary>Panel <paramref name="index"/>.</summary>
    public float* Panel(int index) => First + index * Stride;
}
