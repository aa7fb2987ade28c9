using System.Numerics;
using System.Runtime.Intrinsics;
using Valence.Nn.Kernels;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Kernels;

public class VectorMathTests
{
    [Fact]
    public void Erf_matches_PyTorch_to_within_2e7_absolute()
    {
        var golden = Golden.Load("activations_batchnorm_erf");
        using var x = golden.Tensor("x");
        using var erf = golden.Tensor("erf");
        for (int i = 0; i < x.Length; i++)
        {
            double error = Math.Abs(VectorMath.Erf(x.Span[i]) - (double)erf.Span[i]);
            Assert.True(error <= 2e-7, $"erf({x.Span[i]:R}) = {VectorMath.Erf(x.Span[i]):R}, PyTorch {erf.Span[i]:R}");
        }
    }

    [Theory]
    [InlineData(1e-7f, 1.1283791802818578e-07)]
    [InlineData(-1e-4f, -0.00011283791348289935)]
    [InlineData(0.01f, 0.011283415303662439)]
    [InlineData(0.3f, 0.32862677175271543)]
    public void Erf_keeps_its_relative_precision_near_zero(float x, double expected)
    {
        // References from SciPy at the float32 argument; 1 − erfc(x) would have cancelled here.
        AssertRelative(expected, VectorMath.Erf(x), 2e-7, $"erf({x})");
    }

    [Fact]
    public void Erfc_matches_PyTorch_to_within_3e7_relative_even_in_the_tail()
    {
        var golden = Golden.Load("activations_batchnorm_erf");
        using var x = golden.Tensor("x");
        using var erfc = golden.Tensor("erfc");
        for (int i = 0; i < x.Length; i++)
        {
            double error = Math.Abs(VectorMath.Erfc(x.Span[i]) / (double)erfc.Span[i] - 1);
            Assert.True(error <= 3e-7, $"erfc({x.Span[i]:R}) = {VectorMath.Erfc(x.Span[i]):R}, PyTorch {erfc.Span[i]:R}");
        }
    }

    [Theory]
    [InlineData(-12f, 1.776482112077653e-33)]
    [InlineData(-5f, 2.866515718791933e-07)]
    [InlineData(-1f, 0.15865525393145707)]
    [InlineData(0f, 0.5)]
    [InlineData(0.7f, 0.75803634405457)]
    [InlineData(3f, 0.9986501019683699)]
    [InlineData(9f, 1.0)]
    public void Normal_cdf_keeps_its_relative_precision_in_the_left_tail(float x, double expected)
    {
        // References from SciPy (scipy.special.ndtr) at the float32 argument.
        AssertRelative(expected, VectorMath.NormalCdf(x), 3e-7, $"Φ({x})");
    }

    [Fact]
    public void ExpM1_is_accurate_near_zero_and_saturates()
    {
        // Away from 0 double-precision exp(x) − 1 is an exact enough reference; near 0 its Taylor series is.
        for (int i = -2000; i <= 2000; i++)
        {
            float x = i * 0.01f;
            if (Math.Abs(x) > 1e-3f) AssertRelative(Math.Exp(x) - 1, VectorMath.ExpM1(x), 4e-7, $"expm1({x})");
        }
        foreach (float x in new[] { 1e-8f, -1e-6f, 3e-4f, -9e-4f })
            AssertRelative(x + (double)x * x / 2 + Math.Pow(x, 3) / 6, VectorMath.ExpM1(x), 2e-7, $"expm1({x})");
        Assert.Equal(-1f, VectorMath.ExpM1(-200f));
    }

    [Fact]
    public void Sigmoid_saturates_without_overflow()
    {
        for (double x = -30; x <= 30; x += 0.05)
            AssertRelative(1 / (1 + Math.Exp(-(float)x)), VectorMath.Sigmoid((float)x), 4e-7, $"sigmoid({(float)x})");
        Assert.Equal(0f, VectorMath.Sigmoid(-500f));
        Assert.Equal(1f, VectorMath.Sigmoid(500f));
    }

    [Fact]
    public void Tanh_is_accurate_near_zero_and_saturates_within_one()
    {
        for (int i = -1_000_000; i <= 1_000_000; i++)
        {
            float x = i * 1e-5f;
            float t = VectorMath.Tanh(x);
            if (x != 0) AssertRelative(Math.Tanh(x), t, 5e-7, $"tanh({x})");
            Assert.True(Math.Abs(t) <= 1, $"tanh({x}) = {t:R}, beyond ±1");
        }
        foreach (float x in new[] { 1e-30f, 1e-8f, -1e-6f, 3e-4f, -9e-4f })
            AssertRelative(Math.Tanh(x), VectorMath.Tanh(x), 3e-7, $"tanh({x})");
        Assert.Equal(0f, VectorMath.Tanh(0f));
        Assert.Equal(1f, VectorMath.Tanh(9f));
        Assert.Equal(-1f, VectorMath.Tanh(-500f));
        Assert.Equal(1f, VectorMath.Tanh(float.PositiveInfinity));
        Assert.True(float.IsNaN(VectorMath.Tanh(float.NaN)));
    }

    [Fact]
    public void Exp_is_accurate_in_range_and_saturates_at_both_ends()
    {
        foreach (var exp in ExpForms())
        {
            for (int i = -87_000; i <= 88_000; i++)
            {
                float x = i * 1e-3f;
                AssertRelative(Math.Exp(x), exp(x), 2.5e-7, $"exp({x})");
            }
            AssertRelative(Math.Exp(88.72f), exp(88.72f), 2.5e-7, "exp(88.72)");
            Assert.Equal(float.PositiveInfinity, exp(88.8f));
            Assert.Equal(float.PositiveInfinity, exp(1e30f));
            Assert.True(Math.Abs(exp(-100f) - Math.Exp(-100)) <= 1.5e-45, "exp(-100) is the nearest subnormal");
            Assert.Equal(0f, exp(-105f));
            Assert.Equal(0f, exp(float.NegativeInfinity));
            Assert.True(float.IsNaN(exp(float.NaN)));
        }
    }

    [Fact]
    public void The_wide_forms_of_sigmoid_and_tanh_match_the_vector_forms()
    {
        // Vector512 where AVX-512 runs (the recurrent cells' lanes), the same formulas as Vector<float>.
        if (!Vector512.IsHardwareAccelerated) return;
        for (int i = -4000; i <= 4000; i++)
        {
            float x = i * 0.01f;
            Assert.Equal(VectorMath.Sigmoid(x), VectorMath.Sigmoid(Vector512.Create(x))[0]);
            Assert.Equal(VectorMath.Tanh(x), VectorMath.Tanh(Vector512.Create(x))[0]);
        }
    }

    [Fact]
    public void Vector_and_scalar_forms_agree_lane_by_lane()
    {
        var values = Enumerable.Range(0, Vector<float>.Count).Select(i => i * 0.9f - 3f).ToArray();
        var v = new Vector<float>(values);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(VectorMath.Erf(values[i]), VectorMath.Erf(v)[i]);
            Assert.Equal(VectorMath.NormalCdf(values[i]), VectorMath.NormalCdf(v)[i]);
            Assert.Equal(VectorMath.ExpM1(values[i]), VectorMath.ExpM1(v)[i]);
            Assert.Equal(VectorMath.Tanh(values[i]), VectorMath.Tanh(v)[i]);
        }
    }

    private static IEnumerable<Func<float, float>> ExpForms() =>
    [
        x => VectorMath.Exp(new Vector<float>(x))[0],
        x => VectorMath.Exp(Vector512.Create(x))[0],
    ];

    private static void AssertRelative(double expected, float actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what} = {actual:R}, expected {expected:R}");
}
