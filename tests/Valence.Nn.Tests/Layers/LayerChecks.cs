using System.Text.Json.Nodes;
using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

/// <summary>Checks every layer goes through: configuration round trip, PyTorch goldens, initial value distribution.</summary>
public static class LayerChecks
{
    /// <summary>
    /// Writes <paramref name="layer"/>'s configuration as JSON text, rebuilds it with <see cref="LayerFactory.FromConfig"/>,
    /// and checks equal type, name, options and parameter shapes, and the same output for the same weights.
    /// </summary>
    public static void ConfigRoundTrip(Layer layer, TensorShape inputShape)
    {
        var rng = new Rng(7);
        layer.Initialize(rng);
        string json = layer.ToConfig().ToJsonString();
        var rebuilt = LayerFactory.FromConfig(JsonNode.Parse(json)!.AsObject());

        Assert.Equal(layer.GetType(), rebuilt.GetType());
        Assert.Equal(layer.Name, rebuilt.Name);
        Assert.Equal(layer.Options, rebuilt.Options);
        Assert.Equal(json, rebuilt.ToConfig().ToJsonString());
        var original = layer.NamedParameters().ToArray();
        var copy = rebuilt.NamedParameters().ToArray();
        Assert.Equal(original.Select(p => (p.Name, p.Parameter.Shape)), copy.Select(p => (p.Name, p.Parameter.Shape)));
        for (int i = 0; i < original.Length; i++) original[i].Parameter.Value.CopyTo(copy[i].Parameter.Value);

        using var input = new Tensor(inputShape);
        rng.FillUniform(input.Span, -1f, 1f);
        var expected = layer.Forward(input, training: false).ReadOnlySpan.ToArray();
        var actual = rebuilt.Forward(input, training: false).ReadOnlySpan.ToArray();
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// Runs <paramref name="layer"/> on a golden's input with its weights and compares the output, the input gradient
    /// and every parameter gradient (loss = Σ output·probe) with PyTorch's.
    /// </summary>
    public static void MatchesGolden(Layer layer, Golden golden, double rtol = 1e-4)
    {
        foreach (var p in layer.Parameters) golden.CopyInto(p.Name, p.Value);
        using var input = golden.Tensor("input");
        using var expectedOutput = golden.Tensor("output");
        TensorAssert.Close(expectedOutput, layer.Forward(input, training: true), rtol, $"{golden.Name} output");

        layer.ZeroGradients();
        using var probe = golden.Tensor("probe");
        var inputGradient = layer.Backward(probe);
        using var expectedInputGradient = golden.Tensor("input.grad");
        TensorAssert.Close(expectedInputGradient, inputGradient, rtol, $"{golden.Name} input gradient");
        foreach (var p in layer.Parameters)
        {
            using var expected = golden.Tensor($"{p.Name}.grad");
            TensorAssert.Close(expected, p.Gradient, rtol, $"{golden.Name} gradient of {p.Name}");
        }
    }

    /// <summary>
    /// Asserts that <paramref name="values"/> look like PyTorch's U(−1/√fanIn, 1/√fanIn): all inside the bound and
    /// the largest magnitude close to it; with 1000 values or more, also a mean near zero and a standard deviation
    /// near bound/√3 (fewer values would make those estimates too loose to judge).
    /// </summary>
    public static void AssertFanInUniform(Tensor values, int fanIn, string what)
    {
        double bound = 1 / Math.Sqrt(fanIn);
        var v = values.ReadOnlySpan;
        double sum = 0, sumSquares = 0, largest = 0;
        foreach (float x in v)
        {
            Assert.True(Math.Abs(x) <= bound, $"{what}: {x} lies outside ±{bound:G4}.");
            sum += x;
            sumSquares += (double)x * x;
            largest = Math.Max(largest, Math.Abs(x));
        }
        // With n values, P(largest < 0.8·bound) = 0.8ⁿ: below 1e-6 from n = 64.
        Assert.True(largest >= 0.8 * bound, $"{what}: largest magnitude {largest:G4} is far inside the bound {bound:G4}.");
        if (v.Length < 1000) return;
        double mean = sum / v.Length;
        double std = Math.Sqrt(sumSquares / v.Length - mean * mean);
        double expectedStd = bound / Math.Sqrt(3);
        Assert.True(Math.Abs(mean) <= 4 * expectedStd / Math.Sqrt(v.Length), $"{what}: mean {mean:G4} is not near zero.");
        Assert.True(Math.Abs(std - expectedStd) <= 0.05 * expectedStd, $"{what}: standard deviation {std:G4}, expected about {expectedStd:G4}.");
    }
}
