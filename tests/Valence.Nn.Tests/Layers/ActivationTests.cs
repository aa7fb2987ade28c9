using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Valence.Nn.Tests.Harness;

namespace Valence.Nn.Tests.Layers;

public class ActivationTests
{
    // The golden's name for each activation, with the settings make_activations_batchnorm.py gave it.
    private static Activation Create(string golden) => golden switch
    {
        "relu" => new ReLU("relu"),
        "leaky_relu" => new LeakyReLU("leaky", new LeakyReLUOptions(negativeSlope: 0.2f)),
        "elu" => new ELU("elu", new ELUOptions(alpha: 1.5f)),
        "gelu" => new GELU("gelu"),
        "gelu_tanh" => new GELU("gelu_tanh", new GELUOptions(GeluApproximation.Tanh)),
        "tanh" => new Tanh("tanh"),
        "sigmoid" => new Sigmoid("sigmoid"),
        "softmax" => new Softmax("softmax"),
        _ => throw new ArgumentException(golden),
    };

    public static TheoryData<string> Goldens => ["relu", "leaky_relu", "elu", "gelu", "gelu_tanh", "tanh", "sigmoid", "softmax"];

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Forward_and_backward_match_PyTorch(string golden)
    {
        var g = Golden.Load("activations_batchnorm_elementwise");
        var layer = Create(golden);
        using var x = g.Tensor("x");
        using var upstream = g.Tensor("g");
        using var expectedY = g.Tensor($"{golden}.y");
        using var expectedDx = g.Tensor($"{golden}.dx");

        TensorAssert.Close(expectedY, layer.Forward(x, training: true), what: $"{golden} output");
        TensorAssert.Close(expectedDx, layer.Backward(upstream), what: $"{golden} input gradient");
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Inference_gives_the_training_output(string golden)
    {
        var g = Golden.Load("activations_batchnorm_elementwise");
        using var x = g.Tensor("x");
        using var expected = g.Tensor($"{golden}.y");
        TensorAssert.Close(expected, Create(golden).Forward(x, training: false), what: $"{golden} inference output");
    }

    public static TheoryData<string, int[]> GradientCases()
    {
        var data = new TheoryData<string, int[]>();
        foreach (string golden in Goldens)
            foreach (int[] shape in new[] { new[] { 37 }, [3, 4, 5], [2, 3, 2, 5] })
                data.Add(golden, shape);
        return data;
    }

    [Theory]
    [MemberData(nameof(GradientCases))]
    public void Gradients_match_finite_differences(string golden, int[] shape)
    {
        // ReLU, LeakyReLU and ELU with α ≠ 1 have a kink at 0: a small step keeps differences from straddling it.
        bool kinked = golden is "relu" or "leaky_relu" or "elu";
        GradientCheck.Layer(Create(golden), new TensorShape(shape), seed: 3, epsilon: kinked ? 1e-3 : 1e-2);
    }

    [Fact]
    public void Derivatives_at_zero_follow_PyTorch()
    {
        // PyTorch: ReLU'(0) = 0, LeakyReLU'(0) = slope, ELU'(0) = α.
        Assert.Equal(0f, DerivativeAt(new ReLU("r"), 0f));
        Assert.Equal(0.2f, DerivativeAt(new LeakyReLU("l", new LeakyReLUOptions(0.2f)), 0f));
        Assert.Equal(1.5f, DerivativeAt(new ELU("e", new ELUOptions(1.5f)), 0f), 1e-6f);
    }

    [Fact]
    public void Defaults_are_PyTorchs()
    {
        Assert.Equal(0.01f, new LeakyReLUOptions().NegativeSlope);
        Assert.Equal(1f, new ELUOptions().Alpha);
        Assert.Equal(GeluApproximation.None, new GELUOptions().Approximate);
        Assert.Equal(-0.01f, OutputAt(new LeakyReLU("l"), -1f), 6);
    }

    [Fact]
    public void Softmax_is_stable_for_large_inputs_and_rows_sum_to_one()
    {
        using var x = Tensor.FromValues([1000f, 999f, -1000f, 0f, 88f, 89f, 90f, -5f], new TensorShape(2, 4));
        var y = new Softmax("s").Forward(x, training: false);
        foreach (float v in y.ReadOnlySpan) Assert.True(float.IsFinite(v), $"softmax gave {v}");
        Assert.Equal(1.0, y[0, 0] + y[0, 1] + y[0, 2] + y[0, 3], 6);
        Assert.Equal(1.0, y[1, 0] + y[1, 1] + y[1, 2] + y[1, 3], 6);
        // Row 0: e⁰/(e⁰ + e⁻¹ + …) for the two leading entries.
        Assert.Equal(1 / (1 + Math.Exp(-1)), y[0, 0], 5);
    }

    [Fact]
    public void Softmax_refuses_a_scalar_and_names_the_layer()
    {
        var e = Assert.Throws<ShapeException>(() => new Softmax("probabilities").GetOutputShape(new TensorShape()));
        Assert.Contains("Softmax 'probabilities'", e.Message);
    }

    [Fact]
    public void Backward_checks_the_gradient_shape_and_names_the_layer()
    {
        var layer = new Tanh("act3");
        using var x = new Tensor(2, 3);
        using var wrong = new Tensor(3, 2);
        layer.Forward(x, training: true);
        var e = Assert.Throws<ShapeException>(() => layer.Backward(wrong));
        Assert.Contains("Tanh 'act3'", e.Message);
    }

    [Fact]
    public void Backward_without_a_training_forward_is_refused()
    {
        var layer = new GELU("gelu");
        using var x = new Tensor(4);
        Assert.Throws<InvalidOperationException>(() => layer.Backward(x));
        layer.Forward(x, training: true);
        layer.Forward(x, training: false);
        var e = Assert.Throws<InvalidOperationException>(() => layer.Backward(x));
        Assert.Contains("GELU 'gelu'", e.Message);
    }

    [Fact]
    public void Training_keeps_its_own_copy_of_the_input_for_backward()
    {
        // LeakyReLU's derivative reads the input; a caller overwriting its tensor must not change the gradient.
        var layer = new LeakyReLU("l", new LeakyReLUOptions(0.5f));
        using var x = Tensor.FromValues([-1f, 2f], new TensorShape(2));
        using var g = Tensor.FromValues([1f, 1f], new TensorShape(2));
        layer.Forward(x, training: true);
        x.Span[0] = 5f;
        x.Span[1] = -5f;
        var dx = layer.Backward(g);
        Assert.Equal([0.5f, 1f], dx.ReadOnlySpan.ToArray());
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_argument_named()
    {
        Assert.Equal("NegativeSlope", Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReLUOptions(float.NaN)).ParamName);
        Assert.Equal("Alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new ELUOptions(float.PositiveInfinity)).ParamName);
        Assert.Equal("Approximate", Assert.Throws<ArgumentOutOfRangeException>(() => new GELUOptions((GeluApproximation)7)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReLUOptions() with { NegativeSlope = float.NaN });
    }

    private static float OutputAt(Activation layer, float x)
    {
        using var input = Tensor.FromValues([x], new TensorShape(1));
        return layer.Forward(input, training: false).Span[0];
    }

    private static float DerivativeAt(Activation layer, float x)
    {
        using var input = Tensor.FromValues([x], new TensorShape(1));
        using var one = Tensor.FromValues([1f], new TensorShape(1));
        layer.Forward(input, training: true);
        return layer.Backward(one).Span[0];
    }
}
