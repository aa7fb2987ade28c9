using System.Numerics.Tensors;

namespace Valence.Nn.Tensors;

/// <summary>
/// A dense, row-major float32 tensor whose buffer comes from <see cref="TensorPool"/>.
/// </summary>
/// <remarks>
/// Layers own the tensors they return from Forward and Backward and reuse them on the next call (resizing when the
/// batch changes), so a caller reads them but does not keep or dispose them. Tensors a caller creates are the
/// caller's to dispose.
/// </remarks>
public sealed class Tensor : IDisposable
{
    private float[] _buffer;

    /// <summary>Creates a zero-filled tensor of the given shape.</summary>
    public Tensor(TensorShape shape)
    {
        Shape = shape;
        _buffer = TensorPool.Rent(shape.ElementCount);
        Span.Clear();
    }

    /// <summary>Creates a zero-filled tensor of the given dimensions.</summary>
    public Tensor(params ReadOnlySpan<int> dimensions) : this(new TensorShape(dimensions)) { }

    /// <summary>Creates a tensor holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ShapeException">The number of values does not match the shape.</exception>
    public static Tensor FromValues(ReadOnlySpan<float> values, TensorShape shape)
    {
        if (values.Length != shape.ElementCount)
            throw new ShapeException($"{values.Length} values cannot fill a tensor of shape {shape} ({shape.ElementCount} elements).");
        var tensor = new Tensor(shape);
        values.CopyTo(tensor.Span);
        return tensor;
    }

    /// <summary>The tensor's shape.</summary>
    public TensorShape Shape { get; private set; }

    /// <summary>The number of elements.</summary>
    public int Length => Shape.ElementCount;

    /// <summary>The elements, row-major.</summary>
    public Span<float> Span => _buffer.AsSpan(0, Shape.ElementCount);

    /// <summary>The elements, row-major, read-only.</summary>
    public ReadOnlySpan<float> ReadOnlySpan => _buffer.AsSpan(0, Shape.ElementCount);

    /// <summary>The underlying array, which may be longer than <see cref="Length"/>; for kernels that need an array.</summary>
    internal float[] Buffer => _buffer;

    /// <summary>
    /// Gives the tensor a new shape, keeping the buffer when it is large enough. Contents are undefined afterwards
    /// unless the element count is unchanged, in which case they are kept (a reshape).
    /// </summary>
    public void Resize(TensorShape shape)
    {
        if (shape.ElementCount > _buffer.Length)
        {
            TensorPool.Return(_buffer);
            _buffer = TensorPool.Rent(shape.ElementCount);
        }
        Shape = shape;
    }

    /// <summary>
    /// Returns <paramref name="tensor"/> resized to <paramref name="shape"/>, creating it on first use. This is how
    /// a layer keeps one output buffer across calls.
    /// </summary>
    public static Tensor Reuse(ref Tensor? tensor, TensorShape shape)
    {
        if (tensor is null) tensor = new Tensor(shape);
        else tensor.Resize(shape);
        return tensor;
    }

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => Span.Clear();

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(float value) => Span.Fill(value);

    /// <summary>Copies this tensor's values into <paramref name="destination"/>, which must have the same element count.</summary>
    public void CopyTo(Tensor destination)
    {
        if (destination.Length != Length)
            throw new ShapeException($"Cannot copy a tensor of shape {Shape} into one of shape {destination.Shape}.");
        ReadOnlySpan.CopyTo(destination.Span);
    }

    /// <summary>A new tensor with a copy of this one's shape and values.</summary>
    public Tensor Clone() => FromValues(ReadOnlySpan, Shape);

    /// <summary>The element at a multi-dimensional index (slow; for tests and diagnostics).</summary>
    public float this[params ReadOnlySpan<int> index]
    {
        get => _buffer[FlatIndex(index)];
        set => _buffer[FlatIndex(index)] = value;
    }

    /// <summary>The largest absolute value, or 0 for an empty tensor.</summary>
    public float MaxAbs() => Length == 0 ? 0f : MathF.Abs(TensorPrimitives.MaxMagnitude(ReadOnlySpan));

    private int FlatIndex(ReadOnlySpan<int> index)
    {
        if (index.Length != Shape.Rank)
            throw new ArgumentException($"Index of rank {index.Length} used on a tensor of shape {Shape}.", nameof(index));
        int flat = 0;
        for (int i = 0; i < index.Length; i++)
        {
            int size = Shape[i];
            if ((uint)index[i] >= (uint)size)
                throw new ArgumentOutOfRangeException(nameof(index), $"Index {index[i]} on axis {i} is outside shape {Shape}.");
            flat = flat * size + index[i];
        }
        return flat;
    }

    /// <summary>Returns the buffer to the pool. The tensor must not be used afterwards.</summary>
    public void Dispose()
    {
        TensorPool.Return(_buffer);
        _buffer = [];
        Shape = new TensorShape(0);
    }

    /// <inheritdoc />
    public override string ToString() => $"Tensor{Shape}";
}
