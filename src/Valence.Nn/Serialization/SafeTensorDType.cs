namespace Valence.Nn.Serialization;

/// <summary>The element types of a safetensors file that Valence reads, named as the format names them.</summary>
public enum SafeTensorDType
{
    /// <summary>IEEE float32.</summary>
    F32,
    /// <summary>IEEE float64.</summary>
    F64,
    /// <summary>IEEE float16.</summary>
    F16,
    /// <summary>Signed 32-bit integer.</summary>
    I32,
    /// <summary>Signed 64-bit integer.</summary>
    I64,
    /// <summary>Unsigned byte.</summary>
    U8,
}

/// <summary>Sizes and names of <see cref="SafeTensorDType"/>.</summary>
public static class SafeTensorDTypeExtensions
{
    /// <summary>The size of one element in bytes.</summary>
    public static int Size(this SafeTensorDType dtype) => dtype switch
    {
        SafeTensorDType.F32 or SafeTensorDType.I32 => 4,
        SafeTensorDType.F64 or SafeTensorDType.I64 => 8,
        SafeTensorDType.F16 => 2,
        _ => 1,
    };

    /// <summary>Parses a dtype name exactly as the format spells it (<c>F32</c>, <c>I64</c>, …).</summary>
    public static bool TryParse(string name, out SafeTensorDType dtype)
    {
        foreach (var candidate in Enum.GetValues<SafeTensorDType>())
        {
            if (candidate.ToString() == name)
            {
                dtype = candidate;
                return true;
            }
        }
        dtype = default;
        return false;
    }
}
