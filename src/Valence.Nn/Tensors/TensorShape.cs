using System.Runtime.CompilerServices;

namespace Valence.Nn.Tensors;

/// <summary>
/// The shape of a tensor: up to four dimensions, stored inline so that passing shapes around never allocates.
/// </summary>
/// <remarks>
/// Conventions: a convolution batch is [batch, channels, time] (PyTorch's NCT); a recurrent layer sees
/// [batch, time, features]; a dense layer sees [batch, features].
/// </remarks>
public readonly struct TensorShape : IEquatable<TensorShape>
{
    /// <summary>The largest rank a shape can have.</summary>
    public const int MaxRank = 4;

    private readonly int _d0, _d1, _d2, _d3;

    /// <summary>Creates a shape from its dimensions, each at least zero.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxRank"/> dimensions, a negative one, or more than <see cref="int.MaxValue"/> elements.</exception>
    public TensorShape(params ReadOnlySpan<int> dimensions)
    {
        if (dimensions.Length > MaxRank)
            throw new ArgumentException($"A tensor has at most {MaxRank} dimensions; got {dimensions.Length}.", nameof(dimensions));
        long count = 1;
        foreach (int d in dimensions)
        {
            if (d < 0)
                throw new ArgumentException($"Dimensions cannot be negative; got [{string.Join(", ", dimensions.ToArray())}].", nameof(dimensions));
            count *= d;
            if (count > int.MaxValue)
                throw new ArgumentException($"Shape [{string.Join(", ", dimensions.ToArray())}] holds more than {int.MaxValue} elements.", nameof(dimensions));
        }
        Rank = dimensions.Length;
        _d0 = Rank > 0 ? dimensions[0] : 0;
        _d1 = Rank > 1 ? dimensions[1] : 0;
        _d2 = Rank > 2 ? dimensions[2] : 0;
        _d3 = Rank > 3 ? dimensions[3] : 0;
        ElementCount = (int)count;
    }

    /// <summary>The number of dimensions.</summary>
    public int Rank { get; }

    /// <summary>The number of elements: the product of the dimensions (1 for a scalar shape).</summary>
    public int ElementCount { get; }

    /// <summary>The size of dimension <paramref name="axis"/>; negative axes count from the end.</summary>
    public int this[int axis]
    {
        get
        {
            int a = axis < 0 ? axis + Rank : axis;
            if ((uint)a >= (uint)Rank)
                throw new ArgumentOutOfRangeException(nameof(axis), $"Axis {axis} is outside shape {this} of rank {Rank}.");
            return a switch { 0 => _d0, 1 => _d1, 2 => _d2, _ => _d3 };
        }
    }

    /// <summary>The dimensions as a new array.</summary>
    public int[] ToArray()
    {
        var result = new int[Rank];
        for (int i = 0; i < Rank; i++) result[i] = this[i];
        return result;
    }

    /// <summary>Whether both shapes have the same rank and dimensions.</summary>
    public bool Equals(TensorShape other) =>
        Rank == other.Rank && _d0 == other._d0 && _d1 == other._d1 && _d2 == other._d2 && _d3 == other._d3;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TensorShape other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rank, _d0, _d1, _d2, _d3);

    /// <summary>Shape equality.</summary>
    public static bool operator ==(TensorShape left, TensorShape right) => left.Equals(right);

    /// <summary>Shape inequality.</summary>
    public static bool operator !=(TensorShape left, TensorShape right) => !left.Equals(right);

    /// <summary>The shape as PyTorch prints it, for example <c>[64, 14, 256]</c>.</summary>
    public override string ToString()
    {
        var handler = new DefaultInterpolatedStringHandler(2, Rank);
        handler.AppendLiteral("[");
        for (int i = 0; i < Rank; i++)
        {
            if (i > 0) handler.AppendLiteral(", ");
            handler.AppendFormatted(this[i]);
        }
        handler.AppendLiteral("]");
        return handler.ToStringAndClear();
    }
}
