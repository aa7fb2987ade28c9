using Valence.Nn.Layers;
using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Layers;

public class LayerFactoryRegistrationTests
{
    /// <summary>A layer type from outside Valence.Nn's own set: scales its input by a constant.</summary>
    private sealed class Scale(string name, ScaleOptions options) : Layer(name)
    {
        private Tensor? _output;

        public override string TypeName => "TestScale";
        public override object Options => options;
        public override TensorShape GetOutputShape(TensorShape inputShape) => inputShape;

        public override Tensor Forward(Tensor input, bool training)
        {
            var output = Tensor.Reuse(ref _output, input.Shape);
            for (int i = 0; i < input.Length; i++) output.Span[i] = options.Factor * input.Span[i];
            return output;
        }

        public override Tensor Backward(Tensor outputGradient) => throw new NotSupportedException();
    }

    private sealed record ScaleOptions(float Factor);

    private static readonly Lazy<bool> Registered = new(() =>
    {
        LayerFactory.Register<ScaleOptions>("TestScale", (name, options) => new Scale(name, options));
        return true;
    });

    [Fact]
    public void A_registered_type_rebuilds_from_its_configuration_also_inside_a_sequential()
    {
        Assert.True(Registered.Value);
        var model = new Sequential("m", new Scale("scale", new ScaleOptions(2.5f)), new ReLU("relu"));
        var rebuilt = LayerFactory.FromConfig(model.ToConfig());

        var scale = Assert.IsType<Scale>(rebuilt.Children[0]);
        Assert.Equal(new ScaleOptions(2.5f), scale.Options);
        Assert.Contains("TestScale", LayerFactory.KnownTypes);
        using var x = Tensor.FromValues([1f, -2f], new TensorShape(1, 2));
        Assert.Equal([2.5f, 0f], rebuilt.Forward(x, training: false).ReadOnlySpan.ToArray());
    }

    [Fact]
    public void A_type_name_cannot_be_registered_twice()
    {
        Assert.True(Registered.Value);
        var e = Assert.Throws<ArgumentException>(() =>
            LayerFactory.Register<ScaleOptions>("TestScale", (name, options) => new Scale(name, options)));
        Assert.Contains("'TestScale' is already registered", e.Message);
        Assert.Throws<ArgumentException>(() => LayerFactory.Register<DenseOptions>("Dense", (name, options) => new Dense(name, options)));
    }
}
