using System.Numerics;
using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

public class ElementwiseTests
{
    private readonly struct Cube : IUnaryOperator
    {
        public Vector<float> Invoke(Vector<float> x) => x * x * x;
    }

    private readonly struct DifferenceOverTwo : IBinaryOperator
    {
        public Vector<float> Invoke(Vector<float> a, Vector<float> b) => (a - b) * 0.5f;
    }

    [Fact]
    public void Unary_map_covers_every_length_body_and_tail()
    {
        for (int n = 0; n <= 40; n++)
        {
            var x = Enumerable.Range(0, n).Select(i => i * 0.25f - 3f).ToArray();
            var y = new float[n];
            Elementwise.Map(new Cube(), x, y);
            for (int i = 0; i < n; i++) Assert.Equal(x[i] * x[i] * x[i], y[i]);
        }
    }

    [Fact]
    public void Binary_map_covers_every_length_and_may_write_in_place()
    {
        for (int n = 0; n <= 40; n++)
        {
            var a = Enumerable.Range(0, n).Select(i => i * 1.5f).ToArray();
            var b = Enumerable.Range(0, n).Select(i => 7f - i).ToArray();
            var expected = a.Zip(b, (p, q) => (p - q) * 0.5f).ToArray();
            Elementwise.Map(new DifferenceOverTwo(), a, b, a);
            Assert.Equal(expected, a);
        }
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Elementwise.Map(new Cube(), new float[5], new float[4]));
        Assert.Throws<ArgumentException>(() => Elementwise.Map(new DifferenceOverTwo(), new float[5], new float[4], new float[5]));
    }
}
