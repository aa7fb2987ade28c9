namespace Valence.Eeg.Preprocessing;

/// <summary>The symmetric Kaiser window, as <c>scipy.signal.windows.kaiser(M, beta, sym=True)</c>.</summary>
internal static class KaiserWindow
{
    /// <summary>w[n] = I0(β·√(1 − ((n − α)/α)²)) / I0(β), α = (M − 1)/2.</summary>
    public static double[] Create(int length, double beta)
    {
        var window = new double[length];
        if (length == 1)
        {
            window[0] = 1;
            return window;
        }
        double alpha = (length - 1) / 2.0, denominator = BesselI0(beta);
        for (int n = 0; n < length; n++)
        {
            double r = (n - alpha) / alpha;
            window[n] = BesselI0(beta * Math.Sqrt(1 - r * r)) / denominator;
        }
        return window;
    }

    /// <summary>The modified Bessel function of the first kind, order 0, by its power series Σ ((x/2)^k / k!)², every term positive, so accurate to rounding for the small arguments windows use.</summary>
    public static double BesselI0(double x)
    {
        double quarterSquare = x * x / 4, term = 1, sum = 1;
        for (int k = 1; term > sum * 1e-17; k++)
        {
            term *= quarterSquare / ((double)k * k);
            sum += term;
        }
        return sum;
    }
}
