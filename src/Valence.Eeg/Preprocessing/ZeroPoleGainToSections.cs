using System.Numerics;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Pairs a digital filter's poles and zeros into second-order sections exactly as <c>scipy.signal.zpk2sos</c> does with
/// its default <c>pairing='nearest'</c>, so that the sections (not only the overall response) equal SciPy's.
/// </summary>
/// <remarks>
/// The poles closest to the unit circle are placed last; each is paired with its conjugate (or the next worst real
/// pole) and with the nearest zeros. The gain goes into the first section's numerator. Complex roots are handled as
/// one representative of each conjugate pair (imaginary part above zero), as SciPy's <c>_cplxreal</c> returns them.
/// </remarks>
internal static class ZeroPoleGainToSections
{
    public static SecondOrderSections Convert(ZeroPoleGain zpk)
    {
        var poles = new List<Complex>(zpk.Poles);
        var zeros = new List<Complex>(zpk.Zeros);
        while (poles.Count < zeros.Count) poles.Add(Complex.Zero);
        while (zeros.Count < poles.Count) zeros.Add(Complex.Zero);
        int sectionCount = (poles.Count + 1) / 2;
        if (poles.Count % 2 == 1)
        {
            poles.Add(Complex.Zero);
            zeros.Add(Complex.Zero);
        }
        poles = ConjugatePairRepresentatives(poles);
        zeros = ConjugatePairRepresentatives(zeros);

        var coefficients = new double[sectionCount * SecondOrderSections.Stride];
        for (int section = sectionCount - 1; section >= 0; section--)
        {
            Span<double> target = coefficients.AsSpan(section * SecondOrderSections.Stride, SecondOrderSections.Stride);
            Complex p1 = TakeAt(poles, WorstIndex(poles, _ => true));
            if (IsReal(p1) && poles.Count(IsReal) == 0)
            {
                // The last real pole: pair it with the pole and zero added at the origin.
                Complex z1 = TakeAt(zeros, Nearest(zeros, p1, IsReal));
                WriteSection(target, [z1, Complex.Zero], [p1, Complex.Zero]);
            }
            else if (poles.Count + 1 == zeros.Count && !IsReal(p1) && poles.Count(IsReal) == 1 && zeros.Count(IsReal) == 1)
            {
                // One real pole and one real zero remain to pair with each other, so this pair must take a complex zero.
                Complex z1 = TakeAt(zeros, Nearest(zeros, p1, z => !IsReal(z)));
                WriteSection(target, [z1, Complex.Conjugate(z1)], [p1, Complex.Conjugate(p1)]);
            }
            else
            {
                Complex p2 = IsReal(p1) ? TakeAt(poles, WorstIndex(poles, IsReal)) : Complex.Conjugate(p1);
                if (zeros.Count == 0)
                {
                    WriteSection(target, [], [p1, p2]);
                    continue;
                }
                Complex z1 = TakeAt(zeros, Nearest(zeros, p1, _ => true));
                if (!IsReal(z1)) WriteSection(target, [z1, Complex.Conjugate(z1)], [p1, p2]);
                else if (zeros.Count > 0) WriteSection(target, [z1, TakeAt(zeros, Nearest(zeros, p1, IsReal))], [p1, p2]);
                else WriteSection(target, [z1], [p1, p2]);
            }
        }
        for (int i = 0; i < 3; i++) coefficients[i] *= zpk.Gain;
        return new SecondOrderSections(coefficients);
    }

    private static bool IsReal(Complex z) => z.Imaginary == 0;

    private static Complex TakeAt(List<Complex> roots, int index)
    {
        Complex root = roots[index];
        roots.RemoveAt(index);
        return root;
    }

    /// <summary>Among the roots that match, the first one closest to the unit circle (numpy's argmin keeps the first of ties).</summary>
    private static int WorstIndex(List<Complex> roots, Func<Complex, bool> matches)
    {
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int i = 0; i < roots.Count; i++)
        {
            if (!matches(roots[i])) continue;
            double distance = Math.Abs(1 - Complex.Abs(roots[i]));
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>The root nearest to <paramref name="to"/> among those that match; the first of equally near ones, as numpy's sort of so few items keeps order.</summary>
    private static int Nearest(List<Complex> roots, Complex to, Func<Complex, bool> matches)
    {
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int i = 0; i < roots.Count; i++)
        {
            double distance = Complex.Abs(roots[i] - to);
            if (matches(roots[i]) && distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }
        if (best < 0) throw new InvalidOperationException("No root of the required kind is left to pair; the zeros and poles do not form a real filter.");
        return best;
    }

    /// <summary>
    /// SciPy's <c>_cplxreal</c> followed by concatenation: one representative per conjugate pair (imaginary part positive,
    /// the mean of the pair), sorted by real part then |imaginary| part, then the real roots sorted likewise.
    /// </summary>
    private static List<Complex> ConjugatePairRepresentatives(List<Complex> roots)
    {
        const double tolerance = 100 * 2.220446049250313e-16; // 100 · numpy's finfo(float64).eps, as _cplxreal
        Complex[] sorted = roots.OrderBy(z => z.Real).ThenBy(z => Math.Abs(z.Imaginary)).ToArray();
        bool IsNearlyReal(Complex z) => Math.Abs(z.Imaginary) <= tolerance * Complex.Abs(z);
        List<double> reals = sorted.Where(IsNearlyReal).Select(z => z.Real).ToList();
        Complex[] upper = sorted.Where(z => !IsNearlyReal(z) && z.Imaginary > 0).ToArray();
        Complex[] lower = sorted.Where(z => !IsNearlyReal(z) && z.Imaginary < 0).ToArray();
        if (upper.Length != lower.Length)
            throw new InvalidOperationException("A complex root has no conjugate; the roots do not form a real filter.");
        SortRunsOfEqualRealPart(upper, lower, tolerance);
        var result = new List<Complex>(upper.Length + reals.Count);
        for (int i = 0; i < upper.Length; i++)
        {
            if (Complex.Abs(upper[i] - Complex.Conjugate(lower[i])) > tolerance * Complex.Abs(lower[i]))
                throw new InvalidOperationException("A complex root has no conjugate; the roots do not form a real filter.");
            result.Add((upper[i] + Complex.Conjugate(lower[i])) / 2);
        }
        result.AddRange(reals.Select(r => new Complex(r, 0)));
        return result;
    }

    /// <summary>Within runs of (nearly) equal real part, order both halves by |imaginary part| so that conjugates line up.</summary>
    private static void SortRunsOfEqualRealPart(Complex[] upper, Complex[] lower, double tolerance)
    {
        int start = 0;
        while (start < upper.Length)
        {
            int stop = start + 1;
            while (stop < upper.Length && upper[stop].Real - upper[stop - 1].Real <= tolerance * Complex.Abs(upper[stop - 1])) stop++;
            if (stop - start > 1)
            {
                SortByImaginaryMagnitude(upper.AsSpan(start, stop - start));
                SortByImaginaryMagnitude(lower.AsSpan(start, stop - start));
            }
            start = stop;
        }
    }

    private static void SortByImaginaryMagnitude(Span<Complex> run)
    {
        Complex[] ordered = run.ToArray().OrderBy(z => Math.Abs(z.Imaginary)).ToArray();
        ordered.CopyTo(run);
    }

    /// <summary>One section from at most two zeros and two poles (gain 1), as SciPy's <c>_single_zpksos</c>: the polynomials right-aligned.</summary>
    private static void WriteSection(Span<double> target, ReadOnlySpan<Complex> zeros, ReadOnlySpan<Complex> poles)
    {
        target.Clear();
        WritePolynomial(target[..3], zeros);
        WritePolynomial(target[3..], poles);
    }

    /// <summary>The monic polynomial with these roots (numpy's <c>poly</c>: convolutions with [1, −root]), real part, right-aligned in three slots.</summary>
    private static void WritePolynomial(Span<double> slots, ReadOnlySpan<Complex> roots)
    {
        Span<Complex> polynomial = [Complex.One, Complex.Zero, Complex.Zero];
        for (int r = 0; r < roots.Length; r++)
        {
            // Multiply by (x − root): new[i] = old[i] − root·old[i−1], highest index first.
            for (int i = r + 1; i >= 1; i--) polynomial[i] = polynomial[i] + -roots[r] * polynomial[i - 1];
        }
        int offset = 3 - (roots.Length + 1);
        for (int i = 0; i <= roots.Length; i++) slots[offset + i] = polynomial[i].Real;
    }
}
