using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Harness;

/// <summary>
/// Finite-difference gradient checks: the conformance test every layer and loss goes through.
/// </summary>
/// <remarks>
/// The scalar checked is L = Σ output·probe for a fixed random probe, so dL/doutput = probe. Central differences
/// in float32 are noisy, so a sample of entries is checked with a tolerance that scales with the gradient.
/// </remarks>
public static class GradientCheck
{
    /// <summary>
    /// Checks the input gradient and every parameter gradient of <paramref name="layer"/> for a random input of
    /// <paramref name="inputShape"/>. The layer must be deterministic in training mode (no dropout active).
    /// </summary>
    public static void Layer(Layer layer, TensorShape inputShape, ulong seed = 1, double epsilon = 1e-2,
        double tolerance = 2e-2, int samplesPerTensor = 24, bool checkInput = true)
    {
        var rng = new Rng(seed);
        layer.Initialize(rng);
        using var input = new Tensor(inputShape);
        rng.FillUniform(input.Span, -1f, 1f);
        var outputShape = layer.GetOutputShape(inputShape);
        using var probe = new Tensor(outputShape);
        rng.FillUniform(probe.Span, -1f, 1f);

        layer.ZeroGradients();
        var output = layer.Forward(input, training: true);
        ShapeException.ThrowIfNotEqual(output.Shape, outputShape, $"{layer} output versus GetOutputShape");
        using var inputGradient = layer.Backward(probe).Clone();

        double Loss()
        {
            var o = layer.Forward(input, training: true);
            double sum = 0;
            var p = probe.ReadOnlySpan;
            var v = o.ReadOnlySpan;
            for (int i = 0; i < v.Length; i++) sum += (double)v[i] * p[i];
            return sum;
        }

        if (checkInput)
            Compare($"{layer} input gradient", input, inputGradient, Loss, rng, epsilon, tolerance, samplesPerTensor);
        foreach (var (name, parameter) in layer.NamedParameters())
        {
            using var analytic = parameter.Gradient.Clone();
            Compare($"{layer} gradient of {name}", parameter.Value, analytic, Loss, rng, epsilon, tolerance, samplesPerTensor);
        }
    }

    /// <summary>
    /// Checks <paramref name="analytic"/> = d<paramref name="loss"/>/d<paramref name="variable"/> by central
    /// differences at a sample of entries.
    /// </summary>
    public static void Compare(string what, Tensor variable, Tensor analytic, Func<double> loss, Rng rng,
        double epsilon, double tolerance, int samples)
    {
        Assert.True(variable.Shape == analytic.Shape, $"{what}: gradient shape {analytic.Shape} differs from {variable.Shape}.");
        var values = variable.Span;
        double scale = Math.Max(analytic.MaxAbs(), 1e-3);
        int count = Math.Min(samples, values.Length);
        int kinks = 0;
        for (int s = 0; s < count; s++)
        {
            int i = values.Length <= samples ? s : rng.NextInt(values.Length);
            double coarse = CentralDifference(values, i, epsilon, loss);
            double fine = CentralDifference(values, i, epsilon / 2, loss);
            // Two step sizes that disagree mean a kink (ReLU, max) lies within reach: the derivative is not
            // defined by differences there, so the point is counted and skipped rather than judged.
            if (Math.Abs(coarse - fine) / Math.Max(Math.Abs(fine), scale) > tolerance)
            {
                kinks++;
                continue;
            }
            double error = Math.Abs(fine - analytic.Span[i]) / Math.Max(Math.Abs(fine), scale);
            Assert.True(error <= tolerance,
                $"{what}: element {i}: analytic {analytic.Span[i]:G6}, numeric {fine:G6} (relative error {error:E2} > {tolerance:E0}).");
        }
        Assert.True(kinks * 2 <= count, $"{what}: {kinks} of {count} sampled points sit on kinks; the check judged too few.");
        loss();
    }

    private static double CentralDifference(Span<float> values, int i, double epsilon, Func<double> loss)
    {
        float original = values[i];
        values[i] = original + (float)epsilon;
        double plus = loss();
        values[i] = original - (float)epsilon;
        double minus = loss();
        values[i] = original;
        return (plus - minus) / (2 * epsilon);
    }
}
