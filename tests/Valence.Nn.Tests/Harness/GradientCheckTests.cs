using Valence.Nn.Layers;
using Valence.Nn.Tensors;
using Xunit.Sdk;

namespace Valence.Nn.Tests.Harness;

/// <summary>The gradient check itself must catch a wrong gradient, or every test built on it proves nothing.</summary>
public class GradientCheckTests
{
    /// <summary>y = x², with a backward that can be made wrong by a factor.</summary>
    private sealed class Square(float backwardFactor) : Layer("square")
    {
        private Tensor? _input, _output, _gradient;

        public override string TypeName => "Square";
        public override object Options => backwardFactor;
        public override TensorShape GetOutputShape(TensorShape inputShape) => inputShape;

        public override Tensor Forward(Tensor input, bool training)
        {
            _input = input;
            var output = Tensor.Reuse(ref _output, input.Shape);
            for (int i = 0; i < input.Length; i++) output.Span[i] = input.Span[i] * input.Span[i];
            return output;
        }

        public override Tensor Backward(Tensor outputGradient)
        {
            var gradient = Tensor.Reuse(ref _gradient, outputGradient.Shape);
            for (int i = 0; i < gradient.Length; i++)
                gradient.Span[i] = backwardFactor * 2 * _input!.Span[i] * outputGradient.Span[i];
            return gradient;
        }
    }

    [Fact]
    public void A_correct_gradient_passes() => GradientCheck.Layer(new Square(1f), new TensorShape(3, 5));

    [Fact]
    public void A_gradient_five_percent_off_fails() =>
        Assert.Throws<TrueException>(() => GradientCheck.Layer(new Square(1.05f), new TensorShape(3, 5)));
}
