using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Tensors;

public class TensorShapeTests
{
    [Fact]
    public void Holds_dimensions_and_element_count()
    {
        var shape = new TensorShape(64, 14, 256);
        Assert.Equal(3, shape.Rank);
        Assert.Equal(64 * 14 * 256, shape.ElementCount);
        Assert.Equal(256, shape[-1]);
        Assert.Equal("[64, 14, 256]", shape.ToString());
        Assert.Equal(new[] { 64, 14, 256 }, shape.ToArray());
    }

    [Fact]
    public void Equality_depends_on_rank_and_dimensions()
    {
        Assert.Equal(new TensorShape(2, 3), new TensorShape(2, 3));
        Assert.NotEqual(new TensorShape(2, 3), new TensorShape(2, 3, 1));
        Assert.NotEqual(new TensorShape(2, 3), new TensorShape(3, 2));
    }

    [Fact]
    public void Refuses_negative_too_many_and_overflowing_dimensions()
    {
        Assert.Throws<ArgumentException>(() => new TensorShape(2, -1));
        Assert.Throws<ArgumentException>(() => new TensorShape(1, 2, 3, 4, 5));
        var e = Assert.Throws<ArgumentException>(() => new TensorShape(65536, 65536));
        Assert.Contains("[65536, 65536]", e.Message);
    }

    [Fact]
    public void Shape_mismatch_message_names_both_shapes()
    {
        var e = Assert.Throws<ShapeException>(() =>
            ShapeException.ThrowIfNotEqual(new TensorShape(8, 30), new TensorShape(8, 32), "Dense 'fc1' input"));
        Assert.Contains("[8, 30]", e.Message);
        Assert.Contains("[8, 32]", e.Message);
        Assert.Contains("fc1", e.Message);
    }
}
