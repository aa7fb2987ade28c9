using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Harness;

/// <summary>Comparisons of tensors that say where and by how much they differ.</summary>
public static class TensorAssert
{
    /// <summary>
    /// Asserts equal shapes and |actual − expected| ≤ rtol·max(|expected|, floor) element by element, where floor
    /// is 1% of the largest |expected|, so that values near zero are judged on the tensor's scale.
    /// </summary>
    public static void Close(Tensor expected, Tensor actual, double rtol = 1e-4, string what = "tensor")
    {
        Assert.True(expected.Shape == actual.Shape, $"{what}: expected shape {expected.Shape}, got {actual.Shape}.");
        Close(expected.ReadOnlySpan, actual.ReadOnlySpan, rtol, what);
    }

    /// <summary>Span form of <see cref="Close(Tensor, Tensor, double, string)"/>.</summary>
    public static void Close(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double rtol = 1e-4, string what = "values")
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0;
        foreach (float e in expected) scale = Math.Max(scale, Math.Abs(e));
        double floor = Math.Max(scale * 0.01, 1e-12);
        double worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.False(float.IsNaN(actual[i]), $"{what}: element {i} is NaN.");
            double error = Math.Abs((double)actual[i] - expected[i]) / Math.Max(Math.Abs(expected[i]), floor);
            if (error > worst)
            {
                worst = error;
                worstIndex = i;
            }
        }
        // The message indexes worstIndex, which stays -1 when every element matches exactly: build it only on failure.
        if (worst > rtol)
            Assert.Fail($"{what}: relative error {worst:E2} at element {worstIndex} (expected {expected[worstIndex]}, got {actual[worstIndex]}) exceeds {rtol:E0}.");
    }
}
