using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Tensors;

public class TensorTests
{
    [Fact]
    public void New_tensor_is_zero_and_indexes_row_major()
    {
        using var t = new Tensor(2, 3);
        Assert.All(t.Span.ToArray(), v => Assert.Equal(0f, v));
        t[1, 2] = 5f;
        Assert.Equal(5f, t.Span[5]);
    }

    [Fact]
    public void Resize_keeps_values_when_the_count_is_unchanged()
    {
        using var t = Tensor.FromValues([1, 2, 3, 4, 5, 6], new TensorShape(2, 3));
        t.Resize(new TensorShape(3, 2));
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, t.Span.ToArray());
        Assert.Equal(4f, t[1, 1]);
    }

    [Fact]
    public void FromValues_refuses_a_wrong_count()
    {
        var e = Assert.Throws<ShapeException>(() => Tensor.FromValues([1, 2, 3], new TensorShape(2, 2)));
        Assert.Contains("[2, 2]", e.Message);
    }

    [Fact]
    public void Index_outside_the_shape_is_refused()
    {
        using var t = new Tensor(2, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => t[2, 0]);
        Assert.Throws<ArgumentException>(() => t[1]);
    }
}
