using System.Numerics;

namespace Valence.Eeg.Preprocessing;

/// <summary>A filter as its zeros, poles and gain, the form in which filters are designed before they become sections.</summary>
internal sealed record ZeroPoleGain(Complex[] Zeros, Complex[] Poles, double Gain)
{
    /// <summary>Poles minus zeros: the zeros a transform must add at the origin or at infinity.</summary>
    public int RelativeDegree => Poles.Length - Zeros.Length;

    /// <summary>The digital filter for this analog one, by the bilinear transform with fs = 2 (SciPy's <c>bilinear_zpk</c> as <c>iirfilter</c> calls it).</summary>
    public ZeroPoleGain Bilinear()
    {
        const double fs2 = 4.0;
        var zeros = new Complex[Zeros.Length + RelativeDegree];
        for (int i = 0; i < Zeros.Length; i++) zeros[i] = (fs2 + Zeros[i]) / (fs2 - Zeros[i]);
        // Zeros at infinity land on the Nyquist frequency.
        for (int i = Zeros.Length; i < zeros.Length; i++) zeros[i] = -1.0;
        var poles = new Complex[Poles.Length];
        for (int i = 0; i < Poles.Length; i++) poles[i] = (fs2 + Poles[i]) / (fs2 - Poles[i]);
        Complex numerator = Complex.One, denominator = Complex.One;
        foreach (Complex z in Zeros) numerator *= fs2 - z;
        foreach (Complex p in Poles) denominator *= fs2 - p;
        return new ZeroPoleGain(zeros, poles, Gain * (numerator / denominator).Real);
    }

    /// <summary>The principal square root with C99's signed-zero branch (as numpy's), written out because the result's sign on the cut decides pole order.</summary>
    public static Complex Sqrt(Complex value)
    {
        double re = value.Real, im = value.Imaginary;
        if (re == 0 && im == 0) return new Complex(0, im);
        double t = Math.Sqrt((Math.Abs(re) + Complex.Abs(value)) / 2);
        return re >= 0 ? new Complex(t, im / (2 * t)) : new Complex(Math.Abs(im) / (2 * t), Math.CopySign(t, im));
    }
}
