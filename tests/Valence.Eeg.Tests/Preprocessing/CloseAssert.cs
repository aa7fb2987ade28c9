namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>Element-by-element comparison that reports the worst element.</summary>
internal static class CloseAssert
{
    /// <summary>
    /// |actual − expected| ≤ rtol·max(|expected|, floor) for every element, floor = 1e-6 of the largest |expected|, so
    /// values that pass through zero are judged on the signal's scale. Returns the worst relative error.
    /// </summary>
    public static double Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double rtol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0;
        foreach (double e in expected) scale = Math.Max(scale, Math.Abs(e));
        double floor = Math.Max(scale * 1e-6, 1e-300);
        double worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]) / Math.Max(Math.Abs(expected[i]), floor);
            if (!(error <= worst)) (worst, worstIndex) = (error, i);
        }
        if (!(worst <= rtol))
            Assert.Fail($"{what}: relative error {worst:E2} at element {worstIndex} (expected {expected[worstIndex]:R}, got {actual[worstIndex]:R}) exceeds {rtol:E0}.");
        return worst;
    }
}
