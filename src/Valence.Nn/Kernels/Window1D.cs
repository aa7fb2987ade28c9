namespace Valence.Nn.Kernels;

/// <summary>
/// The geometry of a 1-D sliding window over a [batch, channels, length] tensor: output step t of tap k reads input
/// step t·stride + k·dilation − padLeft, and reads zero where that falls outside [0, length).
/// </summary>
internal readonly record struct Window1D(int Batch, int Channels, int Length, int Kernel, int Stride, int Dilation,
    int PadLeft, int OutputLength)
{
    /// <summary>Rows of the column matrix: one per (channel, tap).</summary>
    public int ColumnRows => Channels * Kernel;

    /// <summary>Columns of the column matrix: one per (batch, output step).</summary>
    public int ColumnCount => Batch * OutputLength;

    /// <summary>The output steps [first, end) whose tap at <paramref name="offset"/> = k·dilation − padLeft reads inside the input.</summary>
    public (int First, int End) InsideRange(int offset)
    {
        // t·stride + offset ≥ 0  ⇔  t ≥ ⌈−offset/stride⌉
        int first = offset >= 0 ? 0 : (-offset + Stride - 1) / Stride;
        // t·stride + offset ≤ length − 1  ⇔  t ≤ ⌊(length − 1 − offset)/stride⌋
        int last = Length - 1 - offset;
        int end = last < 0 ? 0 : Math.Min(OutputLength, last / Stride + 1);
        first = Math.Min(first, OutputLength);
        return (first, Math.Max(first, end));
    }
}
