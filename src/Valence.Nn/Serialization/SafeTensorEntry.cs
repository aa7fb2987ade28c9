using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Valence.Nn.Serialization;

/// <summary>One named tensor of a safetensors file: its dtype, shape and little-endian bytes.</summary>
public sealed class SafeTensorEntry
{
    internal SafeTensorEntry(string name, SafeTensorDType dtype, int[] shape, byte[] data)
    {
        Name = name;
        DType = dtype;
        Shape = shape;
        Data = data;
    }

    /// <summary>The tensor's name, for example <c>lstm.weight_ih_l0</c>.</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public SafeTensorDType DType { get; }

    /// <summary>The dimensions.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The raw little-endian bytes.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The number of elements.</summary>
    public int ElementCount => Data.Length / DType.Size();

    /// <summary>The values as float32 (converting from F64, F16, I32 or I64 where needed).</summary>
    public float[] ToFloat32()
    {
        var bytes = Data.Span;
        var result = new float[ElementCount];
        switch (DType)
        {
            case SafeTensorDType.F32:
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(result);
                if (!BitConverter.IsLittleEndian) ReverseEndianness(MemoryMarshal.Cast<float, int>(result.AsSpan()));
                break;
            case SafeTensorDType.F64:
                for (int i = 0; i < result.Length; i++) result[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * 8)..]);
                break;
            case SafeTensorDType.F16:
                for (int i = 0; i < result.Length; i++) result[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(i * 2)..]);
                break;
            case SafeTensorDType.I32:
                for (int i = 0; i < result.Length; i++) result[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]);
                break;
            case SafeTensorDType.I64:
                for (int i = 0; i < result.Length; i++) result[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * 8)..]);
                break;
            default:
                throw new InvalidOperationException($"Tensor '{Name}' has dtype {DType}, which does not convert to float32.");
        }
        return result;
    }

    /// <summary>The values as 64-bit integers; only for I32 and I64 tensors.</summary>
    public long[] ToInt64()
    {
        var bytes = Data.Span;
        var result = new long[ElementCount];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = DType switch
            {
                SafeTensorDType.I64 => BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * 8)..]),
                SafeTensorDType.I32 => BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]),
                _ => throw new InvalidOperationException($"Tensor '{Name}' has dtype {DType}, not an integer type."),
            };
        }
        return result;
    }

    private static void ReverseEndianness(Span<int> values) => BinaryPrimitives.ReverseEndianness(values, values);
}
