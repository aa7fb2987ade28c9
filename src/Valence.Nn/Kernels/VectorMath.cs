using System.Numerics;
using System.Runtime.CompilerServices;

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
    public static Vector<float> ExpM1(Vector<float> x) => ExpM1(new LanesVector(x)).Value;

    /// <inheritdoc cref="ExpM1(float)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T ExpM1<T>(T x) where T : struct, IFloatLanes<T>
    {
        // For |x| < 1/2 the Taylor series to x⁸/8! (truncation < 1e-8 relative); elsewhere exp(x) − 1 loses nothing.
        var series = x * (T.Create(1f) + x * (T.Create(1f / 2) + x * (T.Create(1f / 6) + x * (T.Create(1f / 24)
            + x * (T.Create(1f / 120) + x * (T.Create(1f / 720) + x * (T.Create(1f / 5040) + x * T.Create(1f / 40320))))))));
        return T.SelectBelow(T.Abs(x), T.Create(0.5f), series, T.Exp(x) - T.Create(1f));
    }

    /// <summary>The logistic sigmoid 1 / (1 + e^−x); saturates to exactly 0 and 1 without overflow.</summary>
    public static float Sigmoid(float x) => Sigmoid(new Vector<float>(x))[0];

    /// <inheritdoc cref="Sigmoid(float)" />
    public static Vector<float> Sigmoid(Vector<float> x) => Sigmoid(new LanesVector(x)).Value;

    /// <inheritdoc cref="Sigmoid(float)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Sigmoid<T>(T x) where T : struct, IFloatLanes<T> => T.Create(1f) / (T.Create(1f) + T.Exp(-x));

    /// <summary>
    /// tanh(x), within 5e-7 relative error everywhere (near zero too), never beyond ±1, exactly ±1 from |x| = 9 on.
    /// Unlike <see cref="System.Numerics.Tensors.TensorPrimitives.Tanh{T}(ReadOnlySpan{T}, Span{T})"/> it can sit
    /// inside a fused loop, and it needs no exp: a recurrent cell spends much of its time here.
    /// </summary>
    public static float Tanh(float x) => Tanh(new Vector<float>(x))[0];

    /// <inheritdoc cref="Tanh(float)" />
    public static Vector<float> Tanh(Vector<float> x) => Tanh(new LanesVector(x)).Value;

    /// <inheritdoc cref="Tanh(float)" />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Tanh<T>(T x) where T : struct, IFloatLanes<T>
    {
        // The odd rational minimax fit p(x)/q(x) (degrees 13 and 6) that Eigen uses for float tanh, on x clamped
        // to [−9, 9] where float tanh reaches ±1; its error (up to 4e-7 near |x| = 8) can overshoot 1, hence the
        // final clamp.
        var limit = T.Create(9f);
        x = T.Min(T.Max(x, -limit), limit);
        var x2 = x * x;
        var p = x2 * T.Create(-2.76076847742355e-16f) + T.Create(2.00018790482477e-13f);
        p = x2 * p + T.Create(-8.60467152213735e-11f);
        p = x2 * p + T.Create(5.12229709037114e-08f);
        p = x2 * p + T.Create(1.48572235717979e-05f);
        p = x2 * p + T.Create(6.37261928875436e-04f);
        p = x2 * p + T.Create(4.89352455891786e-03f);
        var q = x2 * T.Create(1.19825839466702e-06f) + T.Create(1.18534705686654e-04f);
        q = x2 * q + T.Create(2.26843463243900e-03f);
        q = x2 * q + T.Create(4.89352518554385e-03f);
        var one = T.Create(1f);
        return T.Min(T.Max(x * p / q, -one), one);
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
