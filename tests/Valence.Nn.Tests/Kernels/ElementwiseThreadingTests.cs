using System.Numerics;
using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

/// <summary>Long elementwise maps are split over threads; every element still comes out exactly as on one.</summary>
[Collection(WorkersCollection.Name)]
public class ElementwiseThreadingTests
{
    private readonly struct Cube : IUnaryOperator
    {
        public Vector<float> Invoke(Vector<float> x) => x * x * x;
    }

    private readonly struct DifferenceOverTwo : IBinaryOperator
    {
        public Vector<float> Invoke(Vector<float> a, Vector<float> b) => (a - b) * 0.5f;
    }

    [Theory]
    [InlineData(1 << 16)]
    [InlineData(200_003)]   // chunks of whole vectors and a partial tail
    public void Long_maps_give_every_element_on_any_thread_count(int length)
    {
        var x = Enumerable.Range(0, length).Select(i => (i % 1000) * 0.01f - 5f).ToArray();
        var b = Enumerable.Range(0, length).Select(i => (i % 77) * 0.5f).ToArray();
        int previous = Workers.MaxThreads;
        try
        {
            foreach (int threads in new[] { 1, 2, 3 })
            {
                Workers.MaxThreads = threads;
                var cube = new float[length];
                Elementwise.Map(new Cube(), x, cube);
                var half = new float[length];
                Elementwise.Map(new DifferenceOverTwo(), x, b, half);
                for (int i = 0; i < length; i++)
                {
                    Assert.Equal(x[i] * x[i] * x[i], cube[i]);
                    Assert.Equal((x[i] - b[i]) * 0.5f, half[i]);
                }
            }
        }
        finally
        {
            Workers.MaxThreads = previous;
        }
    }
}
