using System.Text;

namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// The start of a miMATRIX element: the array flags (class, complex, global and logical bits), the dimensions and
/// the name. Opaque arrays (classdef objects) carry neither dimensions nor a name here.
/// </summary>
internal sealed record MatArrayHeader(MatArrayClass Class, bool IsComplex, bool IsLogical, int[] Dimensions, string Name)
{
    /// <summary>More dimensions than any real array has; bounds what a corrupt file can make us allocate.</summary>
    public const int MaxRank = 64;

    /// <summary>Names longer than this are refused (MATLAB's own limit is 63 characters).</summary>
    public const int MaxNameLength = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private const uint ComplexFlag = 0x0800;
    private const uint LogicalFlag = 0x0200;

    /// <summary>Reads the flags, dimensions and name that start an array's content.</summary>
    public static MatArrayHeader Read(MatByteReader reader)
    {
        uint flags = ReadFlags(reader);
        var arrayClass = (MatArrayClass)(flags & 0xFF);
        if (!Enum.IsDefined(arrayClass)) throw reader.Error($"array class {flags & 0xFF} is not a MAT Level 5 class");
        bool complex = (flags & ComplexFlag) != 0, logical = (flags & LogicalFlag) != 0;
        if (arrayClass == MatArrayClass.Opaque) return new MatArrayHeader(arrayClass, complex, logical, [], "");
        int[] dimensions = ReadDimensions(reader);
        return new MatArrayHeader(arrayClass, complex, logical, dimensions, ReadName(reader));
    }

    /// <summary>The number of elements the dimensions describe, or throws if a .NET array cannot hold them.</summary>
    public long ElementCount(MatByteReader reader)
    {
        long count = 1;
        foreach (int dimension in Dimensions)
        {
            count *= dimension;
            if (count > Array.MaxLength)
                throw reader.Error($"dimensions {string.Join("×", Dimensions)} describe more than {Array.MaxLength} elements");
        }
        return count;
    }

    private static uint ReadFlags(MatByteReader reader)
    {
        const int FlagsLength = 8;
        MatTag tag = reader.ReadTag();
        if (tag.Type != MatDataType.UInt32 || tag.ByteCount != FlagsLength)
            throw reader.Error($"array flags must be {FlagsLength} bytes of miUINT32, not {tag.ByteCount} bytes of {MatDataTypes.Describe(tag.Type)}");
        uint flags = reader.ReadUInt32();
        reader.ReadUInt32();
        return flags;
    }

    /// <summary>Dimensions are miINT32; some writers use miUINT32, which scipy also accepts.</summary>
    private static int[] ReadDimensions(MatByteReader reader)
    {
        MatTag tag = reader.ReadTag();
        if (tag.Type is not (MatDataType.Int32 or MatDataType.UInt32) || tag.ByteCount % sizeof(int) != 0)
            throw reader.Error($"dimensions must be miINT32 values, not {tag.ByteCount} bytes of {MatDataTypes.Describe(tag.Type)}");
        long rank = tag.ByteCount / sizeof(int);
        if (rank is 0 or > MaxRank) throw reader.Error($"an array with {rank} dimensions; expected 1 to {MaxRank}");
        var dimensions = new int[rank];
        for (int i = 0; i < dimensions.Length; i++)
        {
            uint dimension = reader.ReadUInt32();
            if (dimension > int.MaxValue) throw reader.Error($"dimension {i + 1} is {(int)dimension}, not a size");
            dimensions[i] = (int)dimension;
        }
        reader.Skip(tag.PaddingLength);
        return dimensions;
    }

    /// <summary>Names are miINT8 ASCII; miUINT8 and miUTF8 names also occur and are read as UTF-8.</summary>
    private static string ReadName(MatByteReader reader)
    {
        MatTag tag = reader.ReadTag();
        if (tag.Type is not (MatDataType.Int8 or MatDataType.UInt8 or MatDataType.Utf8))
            throw reader.Error($"an array name must be miINT8 text, not {MatDataTypes.Describe(tag.Type)}");
        if (tag.ByteCount > MaxNameLength) throw reader.Error($"an array name of {tag.ByteCount} bytes; at most {MaxNameLength} are allowed");
        Span<byte> bytes = stackalloc byte[(int)tag.ByteCount];
        reader.Read(bytes);
        reader.Skip(tag.PaddingLength);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw reader.Error($"the array name {Convert.ToHexString(bytes)} is not valid UTF-8");
        }
    }
}
