using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Valence.Nn.Kernels;

/// <summary>
/// Elementwise functions that <see cref="Vector"/> and <see cref="System.Numerics.Tensors.TensorPrimitives"/> lack,
/// or compute too coarsely: exp(x) − 1 near zero, the logistic sigmoid and tanh inside fused loops, erf, erfc and the
/// standard normal CDF. Each has a vector form; the scalar forms evaluate the same formula in one lane so that a
/// span's tail matches its body.
/// </summary>
public static class VectorMath
{
    private const double InverseSqrt2 = 0.70710678118654752440;

    /// <summary>exp(x) − 1, accurate to a few units in the last place also near zero (where exp(x) − 1 cancels).</summary>
    public static float ExpM1(float x) => ExpM1(new Vector<float>(x))[0];

    /// <inheritdoc cref="ExpM1(float)" />
    public static Vector<float> ExpM1(Vector<float> x)
    {
        // For |x| < 1/2 the Taylor series to x⁸/8! (truncation < 1e-8 relative); elsewhere exp(x) − 1 loses nothing.
        var series = x * (Vector<float>.One + x * (new Vector<float>(1f / 2) + x * (new Vector<float>(1f / 6)
            + x * (new Vector<float>(1f / 24) + x * (new Vector<float>(1f / 120) + x * (new Vector<float>(1f / 720)
            + x * (new Vector<float>(1f / 5040) + x * new Vector<float>(1f / 40320))))))));
        var small = Vector.LessThan(Vector.Abs(x), new Vector<float>(0.5f));
        return Vector.ConditionalSelect(small, series, Vector.Exp(x) - Vector<float>.One);
    }

    /// <summary>The logistic sigmoid 1 / (1 + e^−x); saturates to exactly 0 and 1 without overflow.</summary>
    public static float Sigmoid(float x) => Sigmoid(new Vector<float>(x))[0];

    /// <inheritdoc cref="Sigmoid(float)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Exp(-x));

    /// <inheritdoc cref="Sigmoid(float)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> Sigmoid(Vector512<float> x) => Vector512<float>.One / (Vector512<float>.One + Exp(-x));

    // Both widths compute e^x in float arithmetic, within 2 units in the last place (+∞ from about 88.72, 0 through
    // the subnormals below about −103.9, NaN for NaN): e^x = 2^n · e^r with n = round(x·log₂e) and
    // r = x − n·ln 2 (|r| ≤ ln 2 / 2), ln 2 split in two so that n·C1 is exact (Cody–Waite), e^r from Cephes'
    // expf polynomial, and 2^n applied in two halves so that n from −150 to 128 stays within each factor's
    // exponent range. The runtime's vector exp computes in double precision, at twice the cost, and is a call.
    private const float ExpLow = -104f, ExpHigh = 89f, Log2E = 1.44269504088896341f, C1 = 0.693359375f, C2 = -2.12194440e-4f;
    private const float E5 = 1.9875691500e-4f, E4 = 1.3981999507e-3f, E3 = 8.3334519073e-3f, E2 = 4.1665795894e-2f;
    private const float E1 = 1.6666665459e-1f, E0 = 5.0000001201e-1f;

    /// <summary>e^x (see the note above).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<float> Exp(Vector<float> x)
    {
        x = Vector.Min(Vector.Max(x, new Vector<float>(ExpLow)), new Vector<float>(ExpHigh));
        var n = Vector.Round(x * new Vector<float>(Log2E));
        var r = Vector.FusedMultiplyAdd(-n, new Vector<float>(C1), x);
        r = Vector.FusedMultiplyAdd(-n, new Vector<float>(C2), r);
        var p = Vector.FusedMultiplyAdd(new Vector<float>(E5), r, new Vector<float>(E4));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(E3));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(E2));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(E1));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(E0));
        p = Vector.FusedMultiplyAdd(p, r * r, r + Vector<float>.One);
        var half = Vector.Round(n * new Vector<float>(0.5f) - new Vector<float>(0.25f));
        return p * PowerOfTwo(half) * PowerOfTwo(n - half);
    }

    /// <summary>e^x (see the note above).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> Exp(Vector512<float> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(ExpLow)), Vector512.Create(ExpHigh));
        var n = Vector512.Round(x * Vector512.Create(Log2E));
        var r = Vector512.FusedMultiplyAdd(-n, Vector512.Create(C1), x);
        r = Vector512.FusedMultiplyAdd(-n, Vector512.Create(C2), r);
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(E5), r, Vector512.Create(E4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E2));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E1));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(E0));
        p = Vector512.FusedMultiplyAdd(p, r * r, r + Vector512<float>.One);
        var half = Vector512.Round(n * Vector512.Create(0.5f) - Vector512.Create(0.25f));
        return p * PowerOfTwo(half) * PowerOfTwo(n - half);
    }

    // 2^n for integral n in [−126, 127], from the exponent bits.
    private static Vector<float> PowerOfTwo(Vector<float> n) =>
        Vector.AsVectorSingle(Vector.ShiftLeft(Vector.ConvertToInt32(n) + new Vector<int>(127), 23));

    private static Vector512<float> PowerOfTwo(Vector512<float> n) =>
        Vector512.ShiftLeft(Vector512.ConvertToInt32(n) + Vector512.Create(127), 23).AsSingle();

    /// <summary>
    /// tanh(x), within 5e-7 relative error everywhere (near zero too), never beyond ±1, exactly ±1 from |x| = 9 on.
    /// Unlike <see cref="System.Numerics.Tensors.TensorPrimitives.Tanh{T}(ReadOnlySpan{T}, Span{T})"/> it can sit
    /// inside a fused loop, and it needs no exp: a recurrent cell spends much of its time here.
    /// </summary>
    public static float Tanh(float x) => Tanh(new Vector<float>(x))[0];

    // Both widths evaluate the odd rational minimax fit p(x)/q(x) (degrees 13 and 6) that Eigen uses for float
    // tanh, on x clamped to [−9, 9] where float tanh reaches ±1; its error (up to 4e-7 near |x| = 8) can overshoot
    // 1, hence the final clamp.
    private const float TanhLimit = 9f;
    private const float P13 = -2.76076847742355e-16f, P11 = 2.00018790482477e-13f, P9 = -8.60467152213735e-11f;
    private const float P7 = 5.12229709037114e-08f, P5 = 1.48572235717979e-05f, P3 = 6.37261928875436e-04f;
    private const float P1 = 4.89352455891786e-03f;
    private const float Q6 = 1.19825839466702e-06f, Q4 = 1.18534705686654e-04f, Q2 = 2.26843463243900e-03f;
    private const float Q0 = 4.89352518554385e-03f;

    /// <inheritdoc cref="Tanh(float)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x)
    {
        x = Vector.Min(Vector.Max(x, new Vector<float>(-TanhLimit)), new Vector<float>(TanhLimit));
        var x2 = x * x;
        var p = Vector.FusedMultiplyAdd(x2, new Vector<float>(P13), new Vector<float>(P11));
        p = Vector.FusedMultiplyAdd(x2, p, new Vector<float>(P9));
        p = Vector.FusedMultiplyAdd(x2, p, new Vector<float>(P7));
        p = Vector.FusedMultiplyAdd(x2, p, new Vector<float>(P5));
        p = Vector.FusedMultiplyAdd(x2, p, new Vector<float>(P3));
        p = Vector.FusedMultiplyAdd(x2, p, new Vector<float>(P1));
        var q = Vector.FusedMultiplyAdd(x2, new Vector<float>(Q6), new Vector<float>(Q4));
        q = Vector.FusedMultiplyAdd(x2, q, new Vector<float>(Q2));
        q = Vector.FusedMultiplyAdd(x2, q, new Vector<float>(Q0));
        return Vector.Min(Vector.Max(x * p / q, -Vector<float>.One), Vector<float>.One);
    }

    /// <inheritdoc cref="Tanh(float)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> Tanh(Vector512<float> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-TanhLimit)), Vector512.Create(TanhLimit));
        var x2 = x * x;
        var p = Vector512.FusedMultiplyAdd(x2, Vector512.Create(P13), Vector512.Create(P11));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(P9));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(P7));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(P5));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(P3));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(P1));
        var q = Vector512.FusedMultiplyAdd(x2, Vector512.Create(Q6), Vector512.Create(Q4));
        q = Vector512.FusedMultiplyAdd(x2, q, Vector512.Create(Q2));
        q = Vector512.FusedMultiplyAdd(x2, q, Vector512.Create(Q0));
        return Vector512.Min(Vector512.Max(x * p / q, -Vector512<float>.One), Vector512<float>.One);
    }

    /// <summary>The error function erf(x) = 2/√π ∫₀ˣ e^−t² dt, with absolute error below 1.5e-7 (relative near 0).</summary>
    public static float Erf(float x) => Erf(new Vector<float>(x))[0];

    /// <inheritdoc cref="Erf(float)" />
    public static Vector<float> Erf(Vector<float> x)
    {
        Vector.Widen(x, out var low, out var high);
        return Vector.Narrow(ErfOf(low), ErfOf(high));
    }

    /// <summary>
    /// The complementary error function erfc(x) = 1 − erf(x), with relative error below 1.5e-7 for all x, so that
    /// its tiny values for large x keep their precision.
    /// </summary>
    public static float Erfc(float x) => Erfc(new Vector<float>(x))[0];

    /// <inheritdoc cref="Erfc(float)" />
    public static Vector<float> Erfc(Vector<float> x)
    {
        Vector.Widen(x, out var low, out var high);
        return Vector.Narrow(ErfcOf(low), ErfcOf(high));
    }

    /// <summary>
    /// The standard normal CDF Φ(x) = ½(1 + erf(x/√2)), computed as ½·erfc(−x/√2) so that it keeps its relative
    /// precision in the far left tail (which GELU multiplies by a large |x|).
    /// </summary>
    public static float NormalCdf(float x) => NormalCdf(new Vector<float>(x))[0];

    /// <inheritdoc cref="NormalCdf(float)" />
    public static Vector<float> NormalCdf(Vector<float> x)
    {
        Vector.Widen(x, out var low, out var high);
        return Vector.Narrow(NormalCdfOf(low), NormalCdfOf(high));
    }

    private static Vector<double> NormalCdfOf(Vector<double> x) =>
        new Vector<double>(0.5) * ErfcOf(x * new Vector<double>(-InverseSqrt2));

    private static Vector<double> ErfcOf(Vector<double> x)
    {
        // erfc(−z) = 2 − erfc(z).
        var tail = ErfcOfMagnitude(Vector.Abs(x));
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<double>.Zero), tail, new Vector<double>(2) - tail);
    }

    private static Vector<double> ErfOf(Vector<double> x)
    {
        // Near 0, 1 − erfc(|x|) would cancel: there the Maclaurin series
        // erf(x) = 2/√π · Σₙ (−1)ⁿ x²ⁿ⁺¹ / (n!(2n + 1)), to n = 6 (truncation < 1e-9 for |x| < 1/2).
        var u = x * x;
        var series = new Vector<double>(1.1283791670955126) * x * (Vector<double>.One + u * (new Vector<double>(-1.0 / 3)
            + u * (new Vector<double>(1.0 / 10) + u * (new Vector<double>(-1.0 / 42) + u * (new Vector<double>(1.0 / 216)
            + u * (new Vector<double>(-1.0 / 1320) + u * new Vector<double>(1.0 / 9360)))))));
        var magnitude = Vector<double>.One - ErfcOfMagnitude(Vector.Abs(x));
        var large = Vector.ConditionalSelect(Vector.LessThan(x, Vector<double>.Zero), -magnitude, magnitude);
        return Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(x), new Vector<double>(0.5)), series, large);
    }

    private static Vector<double> ErfcOfMagnitude(Vector<double> z)
    {
        // Numerical Recipes' Chebyshev fit (erfcc): erfc(z) ≈ t·exp(−z² + P(t)) with t = 1/(1 + z/2), for z ≥ 0;
        // fractional error below 1.2e-7 everywhere.
        var t = Vector<double>.One / (Vector<double>.One + new Vector<double>(0.5) * z);
        var p = new Vector<double>(-1.26551223) + t * (new Vector<double>(1.00002368) + t * (new Vector<double>(0.37409196)
            + t * (new Vector<double>(0.09678418) + t * (new Vector<double>(-0.18628806) + t * (new Vector<double>(0.27886807)
            + t * (new Vector<double>(-1.13520398) + t * (new Vector<double>(1.48851587) + t * (new Vector<double>(-0.82215223)
            + t * new Vector<double>(0.17087277)))))))));
        return t * Vector.Exp(p - z * z);
    }
}
