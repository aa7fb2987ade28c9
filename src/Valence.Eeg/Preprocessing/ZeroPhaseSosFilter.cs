using System.Buffers;
using System.Numerics;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Zero-phase filtering through second-order sections, as <c>scipy.signal.sosfiltfilt(sos, x)</c> with its defaults:
/// each signal is extended at both ends by an odd reflection of <see cref="SecondOrderSections.DefaultPadLength"/>
/// samples, filtered forwards from the steady state scaled by its first value, filtered backwards from the steady
/// state scaled by the forward result's last value, and cut back to its length. Computed in double precision.
/// </summary>
/// <remarks>
/// Signals are filtered <see cref="SosLaneBlock.Lanes"/> at a time in the lanes of a transposed block, and groups of
/// signals run in parallel. Each signal is computed by the same operations whichever lane, group or thread it falls
/// to, so results do not depend on the thread count and equal <see cref="SosFilter.Apply"/> run forwards and back.
/// </remarks>
public static class ZeroPhaseSosFilter
{
    /// <summary>Filters one signal; <paramref name="output"/> may be <paramref name="input"/>'s own memory.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or the signal is not longer than the filter's padding.</exception>
    public static void Apply(SecondOrderSections sos, ReadOnlySpan<double> input, Span<double> output) => ApplyOne(sos, input, output);

    /// <inheritdoc cref="Apply(SecondOrderSections, ReadOnlySpan{double}, Span{double})"/>
    public static void Apply(SecondOrderSections sos, ReadOnlySpan<float> input, Span<float> output) => ApplyOne(sos, input, output);

    /// <summary>
    /// Filters, in place, rows of <paramref name="rowLength"/> consecutive samples of <paramref name="samples"/>:
    /// the rows listed in <paramref name="rows"/> (indices of rows), or every row when it is empty.
    /// </summary>
    /// <param name="maxDegreeOfParallelism">Threads to use at most; −1 for as many as the runtime offers.</param>
    /// <exception cref="ArgumentException">The samples do not divide into rows, a row index is out of range, or rows are not longer than the filter's padding.</exception>
    public static void ApplyToRows(SecondOrderSections sos, Span<float> samples, int rowLength, ReadOnlySpan<int> rows = default, int maxDegreeOfParallelism = -1) =>
        ApplyRows(sos, samples, samples, rowLength, rows, maxDegreeOfParallelism);

    /// <inheritdoc cref="ApplyToRows(SecondOrderSections, Span{float}, int, ReadOnlySpan{int}, int)"/>
    public static void ApplyToRows(SecondOrderSections sos, Span<double> samples, int rowLength, ReadOnlySpan<int> rows = default, int maxDegreeOfParallelism = -1) =>
        ApplyRows(sos, samples, samples, rowLength, rows, maxDegreeOfParallelism);

    /// <summary>
    /// Filters every row of <paramref name="rowLength"/> consecutive samples of <paramref name="input"/> into the same
    /// place in <paramref name="output"/>, which may be uninitialised (every sample is written) or the input itself.
    /// </summary>
    /// <param name="maxDegreeOfParallelism">Threads to use at most; −1 for as many as the runtime offers.</param>
    /// <exception cref="ArgumentException">The lengths differ, the samples do not divide into rows, or rows are not longer than the filter's padding.</exception>
    public static void ApplyToRows(SecondOrderSections sos, ReadOnlySpan<float> input, Span<float> output, int rowLength, int maxDegreeOfParallelism = -1) =>
        ApplyRows(sos, input, output, rowLength, default, maxDegreeOfParallelism);

    /// <inheritdoc cref="ApplyToRows(SecondOrderSections, ReadOnlySpan{float}, Span{float}, int, int)"/>
    public static void ApplyToRows(SecondOrderSections sos, ReadOnlySpan<double> input, Span<double> output, int rowLength, int maxDegreeOfParallelism = -1) =>
        ApplyRows(sos, input, output, rowLength, default, maxDegreeOfParallelism);

    /// <summary>Refuses a signal of <paramref name="length"/> samples that is too short for the default padding.</summary>
    public static void CheckLength(SecondOrderSections sos, int length, string parameter)
    {
        ArgumentNullException.ThrowIfNull(sos);
        int pad = sos.DefaultPadLength;
        if (length <= pad)
            throw new ArgumentException($"A signal of {length} samples is too short to filter forwards and backwards with {sos.Count} sections: " +
                $"it must be longer than the padding of {pad} samples (3·(2·sections + 1), as scipy.signal.sosfiltfilt).", parameter);
    }

    private static void ApplyOne<T>(SecondOrderSections sos, ReadOnlySpan<T> input, Span<T> output) where T : unmanaged, INumberBase<T>
    {
        CheckLength(sos, input.Length, nameof(input));
        if (output.Length != input.Length)
            throw new ArgumentException($"The output holds {output.Length} samples; the input has {input.Length}.", nameof(output));
        double[] block = ArrayPool<double>.Shared.Rent(BlockLength(sos, input.Length));
        try
        {
            FilterGroup(sos, sos.SteadyState(), input, output, input.Length, [0], block);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(block);
        }
    }

    private static unsafe void ApplyRows<T>(SecondOrderSections sos, ReadOnlySpan<T> input, Span<T> output, int rowLength, ReadOnlySpan<int> rows, int maxDegreeOfParallelism)
        where T : unmanaged, INumberBase<T>
    {
        CheckLength(sos, rowLength, nameof(rowLength));
        if (output.Length != input.Length)
            throw new ArgumentException($"The output holds {output.Length} samples; the input has {input.Length}.", nameof(output));
        if (input.Length % rowLength != 0)
            throw new ArgumentException($"{input.Length} samples do not divide into rows of {rowLength}.", nameof(input));
        int rowCount = input.Length / rowLength;
        int[] selected = rows.IsEmpty ? Enumerable.Range(0, rowCount).ToArray() : rows.ToArray();
        foreach (int row in selected)
            if ((uint)row >= (uint)rowCount)
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"Row {row} is outside the {rowCount} rows.");
        if (selected.Distinct().Count() != selected.Length)
            throw new ArgumentException("A row is listed twice; each row is filtered once.", nameof(rows));

        double[] steadyState = sos.SteadyState();
        int groups = (selected.Length + SosLaneBlock.Lanes - 1) / SosLaneBlock.Lanes;
        int blockLength = BlockLength(sos, rowLength), length = input.Length;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        // The spans stay pinned while Parallel.For runs; workers see them through their addresses.
        fixed (T* inputPointer = input, outputPointer = output)
        {
            nint inputAddress = (nint)inputPointer, outputAddress = (nint)outputPointer;
            Parallel.For(0, groups, options,
                () => ArrayPool<double>.Shared.Rent(blockLength),
                (group, _, block) =>
                {
                    int first = group * SosLaneBlock.Lanes;
                    ReadOnlySpan<int> members = selected.AsSpan(first, Math.Min(SosLaneBlock.Lanes, selected.Length - first));
                    Span<int> starts = stackalloc int[members.Length];
                    for (int i = 0; i < members.Length; i++) starts[i] = members[i] * rowLength;
                    FilterGroup(sos, steadyState, new ReadOnlySpan<T>((T*)inputAddress, length), new Span<T>((T*)outputAddress, length), rowLength, starts, block);
                    return block;
                },
                block => ArrayPool<double>.Shared.Return(block));
        }
    }

    private static int BlockLength(SecondOrderSections sos, int rowLength) => (rowLength + 2 * sos.DefaultPadLength) * SosLaneBlock.Lanes;

    /// <summary>Filters up to eight rows (starting at <paramref name="rowStarts"/>) from <paramref name="input"/> into <paramref name="output"/> through one transposed block.</summary>
    private static void FilterGroup<T>(SecondOrderSections sos, ReadOnlySpan<double> steadyState, ReadOnlySpan<T> input, Span<T> output, int rowLength,
        ReadOnlySpan<int> rowStarts, double[] buffer) where T : unmanaged, INumberBase<T>
    {
        const int lanes = SosLaneBlock.Lanes;
        int pad = sos.DefaultPadLength, length = rowLength + 2 * pad, used = rowStarts.Length;
        Span<double> block = buffer.AsSpan(0, length * lanes);
        // Unused lanes carry zeros, which stay zeros.
        if (used < lanes) block.Clear();

        // Sample by sample, all lanes at once: each sample's lanes are one cache line of the block.
        for (int t = 0; t < rowLength; t++)
        {
            Span<double> lanesAtT = block.Slice((pad + t) * lanes, lanes);
            for (int lane = 0; lane < used; lane++) lanesAtT[lane] = double.CreateTruncating(input[rowStarts[lane] + t]);
        }
        for (int lane = 0; lane < used; lane++) WriteOddExtension(block, lane, pad, rowLength);

        SosLaneBlock.Run(sos, steadyState, block, length, backwards: false);
        SosLaneBlock.Run(sos, steadyState, block, length, backwards: true);

        for (int t = 0; t < rowLength; t++)
        {
            ReadOnlySpan<double> lanesAtT = block.Slice((pad + t) * lanes, lanes);
            for (int lane = 0; lane < used; lane++) output[rowStarts[lane] + t] = T.CreateTruncating(lanesAtT[lane]);
        }
    }

    /// <summary>Extends a lane's row (already in the block after <paramref name="pad"/> samples) by <paramref name="pad"/> samples of odd reflection at each end: 2·x[0] − x[k] before, 2·x[n−1] − x[n−1−k] after.</summary>
    private static void WriteOddExtension(Span<double> block, int lane, int pad, int n)
    {
        const int lanes = SosLaneBlock.Lanes;
        double first = block[pad * lanes + lane], last = block[(pad + n - 1) * lanes + lane];
        for (int i = 0; i < pad; i++) block[i * lanes + lane] = 2 * first - block[(2 * pad - i) * lanes + lane];
        for (int j = 0; j < pad; j++) block[(pad + n + j) * lanes + lane] = 2 * last - block[(pad + n - 2 - j) * lanes + lane];
    }
}
