namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Causal filtering through second-order sections, one channel at a time, as <c>scipy.signal.sosfilt(sos, x, zi=state)</c>:
/// the plain reference that the vectorised kernels are tested against, and the kernel streaming code calls chunk by chunk.
/// </summary>
public static class SosFilter
{
    /// <summary>
    /// Filters <paramref name="input"/> into <paramref name="output"/> starting from <paramref name="state"/> (two values
    /// per section, SciPy's <c>zi</c> layout) and leaves the final state there, so the next chunk continues seamlessly.
    /// <paramref name="output"/> may be <paramref name="input"/>'s own memory.
    /// </summary>
    public static void Apply(SecondOrderSections sos, Span<double> state, ReadOnlySpan<double> input, Span<double> output)
    {
        CheckArguments(sos, state, input.Length, output.Length);
        ReadOnlySpan<double> c = sos.Coefficients;
        int sections = sos.Count;
        for (int n = 0; n < input.Length; n++)
        {
            double x = input[n];
            for (int s = 0; s < sections; s++)
            {
                int k = s * SecondOrderSections.Stride;
                // Transposed direct form II as scipy's _sosfilt, with fused multiply–adds (one rounding each), the
                // same operations SosLaneBlock performs per lane.
                double y = Math.FusedMultiplyAdd(c[k], x, state[2 * s]);
                state[2 * s] = Math.FusedMultiplyAdd(c[k + 1], x, Math.FusedMultiplyAdd(-c[k + 4], y, state[2 * s + 1]));
                state[2 * s + 1] = Math.FusedMultiplyAdd(c[k + 2], x, -c[k + 5] * y);
                x = y;
            }
            output[n] = x;
        }
    }

    internal static void CheckArguments(SecondOrderSections sos, ReadOnlySpan<double> state, int inputLength, int outputLength)
    {
        ArgumentNullException.ThrowIfNull(sos);
        if (state.Length != 2 * sos.Count)
            throw new ArgumentException($"The state holds {state.Length} values; {sos.Count} sections need {2 * sos.Count}.", nameof(state));
        if (outputLength != inputLength)
            throw new ArgumentException($"The output holds {outputLength} samples; the input has {inputLength}.", "output");
    }
}
