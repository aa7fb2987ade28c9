using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Runs second-order sections over <see cref="Lanes"/> signals at once, stored transposed (sample-major: the 8 lanes
/// of sample 0, then of sample 1, …), so that each step of the recursion is two <see cref="Vector256{T}"/> operations
/// instead of eight scalar ones. Each lane performs exactly <see cref="SosFilter.Apply"/>'s fused multiply–adds, so
/// every lane's result equals the scalar reference bit for bit.
/// </summary>
internal static class SosLaneBlock
{
    /// <summary>Signals processed together: two vectors of four doubles, interleaved to hide the recursion's latency.</summary>
    public const int Lanes = 8;

    /// <summary>
    /// Filters the block forwards (or backwards from its last sample), starting from the steady state
    /// <paramref name="steadyState"/> scaled, per lane, by the lane's first sample in the direction of travel.
    /// </summary>
    public static void Run(SecondOrderSections sos, ReadOnlySpan<double> steadyState, Span<double> block, int length, bool backwards)
    {
        int sections = sos.Count;
        Span<Vector256<double>> coefficients = stackalloc Vector256<double>[sections * 5];
        ReadOnlySpan<double> c = sos.Coefficients;
        for (int s = 0; s < sections; s++)
        {
            int k = s * SecondOrderSections.Stride;
            coefficients[5 * s] = Vector256.Create(c[k]);
            coefficients[5 * s + 1] = Vector256.Create(c[k + 1]);
            coefficients[5 * s + 2] = Vector256.Create(c[k + 2]);
            // The feedback coefficients negated, so that each update is a chain of fused multiply–adds.
            coefficients[5 * s + 3] = Vector256.Create(-c[k + 4]);
            coefficients[5 * s + 4] = Vector256.Create(-c[k + 5]);
        }

        ref Vector256<double> samples = ref Unsafe.As<double, Vector256<double>>(ref MemoryMarshal.GetReference(block));
        int first = backwards ? length - 1 : 0, step = backwards ? -1 : 1;
        Vector256<double> edgeLow = Unsafe.Add(ref samples, 2 * first), edgeHigh = Unsafe.Add(ref samples, 2 * first + 1);

        // State per section: z0 and z1 for the low four lanes and the high four lanes.
        Span<Vector256<double>> state = stackalloc Vector256<double>[sections * 4];
        for (int s = 0; s < sections; s++)
        {
            state[4 * s] = edgeLow * steadyState[2 * s];
            state[4 * s + 1] = edgeLow * steadyState[2 * s + 1];
            state[4 * s + 2] = edgeHigh * steadyState[2 * s];
            state[4 * s + 3] = edgeHigh * steadyState[2 * s + 1];
        }

        for (int n = 0, i = first; n < length; n++, i += step)
        {
            ref Vector256<double> low = ref Unsafe.Add(ref samples, 2 * i);
            ref Vector256<double> high = ref Unsafe.Add(ref samples, 2 * i + 1);
            Vector256<double> xLow = low, xHigh = high;
            for (int s = 0; s < sections; s++)
            {
                Vector256<double> b0 = coefficients[5 * s], b1 = coefficients[5 * s + 1], b2 = coefficients[5 * s + 2];
                Vector256<double> minusA1 = coefficients[5 * s + 3], minusA2 = coefficients[5 * s + 4];
                ref Vector256<double> z = ref state[4 * s];
                Vector256<double> yLow = Vector256.FusedMultiplyAdd(b0, xLow, z);
                Vector256<double> yHigh = Vector256.FusedMultiplyAdd(b0, xHigh, Unsafe.Add(ref z, 2));
                z = Vector256.FusedMultiplyAdd(b1, xLow, Vector256.FusedMultiplyAdd(minusA1, yLow, Unsafe.Add(ref z, 1)));
                Unsafe.Add(ref z, 1) = Vector256.FusedMultiplyAdd(b2, xLow, minusA2 * yLow);
                Unsafe.Add(ref z, 2) = Vector256.FusedMultiplyAdd(b1, xHigh, Vector256.FusedMultiplyAdd(minusA1, yHigh, Unsafe.Add(ref z, 3)));
                Unsafe.Add(ref z, 3) = Vector256.FusedMultiplyAdd(b2, xHigh, minusA2 * yHigh);
                xLow = yLow;
                xHigh = yHigh;
            }
            low = xLow;
            high = xHigh;
        }
    }
}
