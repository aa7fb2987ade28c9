using System.Buffers.Binary;
using System.Text;

namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// The 128-byte header of a MAT Level 5 file: 116 bytes of text, an 8-byte subsystem offset, the version 0x0100 and
/// the endian indicator. The indicator is the characters 'M','I' written as one 16-bit number, so a little-endian
/// file holds the bytes "IM" and a big-endian one "MI".
/// </summary>
/// <param name="Text">The descriptive text, trailing spaces and NULs removed.</param>
/// <param name="BigEndian">Whether every number after the header is big-endian.</param>
internal readonly record struct MatHeader(string Text, bool BigEndian)
{
    /// <summary>Bytes in the header; the first data element follows.</summary>
    public const int Length = 128;

    /// <summary>The message for a MATLAB v7.3 file, which is HDF5 behind a MAT-style header.</summary>
    public const string Hdf5Refusal = "MATLAB v7.3 (HDF5) is not supported; re-save with -v7 or use the .dat files";

    /// <summary>The message for a MATLAB v4 file, which has no header and a different layout.</summary>
    public const string Level4Refusal = "MATLAB v4 files are not supported; re-save with -v7 or use the .dat files";

    private const int TextLength = 116;
    private const int VersionOffset = 124;
    private const int IndicatorOffset = 126;
    private const ushort Level5Version = 0x0100;
    private const ushort Hdf5Version = 0x0200;
    private static ReadOnlySpan<byte> Hdf5Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads the header from the first bytes of a file (all of them if the file is shorter than the header).</summary>
    /// <exception cref="EegFormatException">Not a MAT Level 5 file; v7.3 and v4 files are named as such.</exception>
    public static MatHeader Parse(ReadOnlySpan<byte> start, string path)
    {
        if (start.StartsWith(Hdf5Signature)) throw new EegFormatException(path, "byte 0", Hdf5Refusal);
        if (start.Length >= Length && TryReadIndicator(start, out bool bigEndian))
        {
            ushort version = bigEndian
                ? BinaryPrimitives.ReadUInt16BigEndian(start[VersionOffset..])
                : BinaryPrimitives.ReadUInt16LittleEndian(start[VersionOffset..]);
            if (version == Hdf5Version) throw new EegFormatException(path, $"byte {VersionOffset}", Hdf5Refusal);
            if (version != Level5Version)
                throw new EegFormatException(path, $"byte {VersionOffset}", $"MAT-file version 0x{version:X4} is not 0x0100 (Level 5)");
            return new MatHeader(Encoding.Latin1.GetString(start[..TextLength]).TrimEnd(' ', '\0'), bigEndian);
        }
        if (LooksLikeLevel4(start)) throw new EegFormatException(path, "byte 0", Level4Refusal);
        if (start.Length < Length)
            throw new EegFormatException(path, "byte 0", $"the file has {start.Length} bytes, fewer than the {Length}-byte MAT-file header");
        throw new EegFormatException(path, $"byte {IndicatorOffset}", "not a MAT-file: bytes 126–127 are not the endian indicator 'IM' or 'MI'");
    }

    /// <summary>Writes a little-endian Level 5 header with <paramref name="text"/> (ASCII, at most 116 characters) into <paramref name="destination"/>.</summary>
    public static void Write(Span<byte> destination, string text)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(text.Length, TextLength, nameof(text));
        Span<byte> header = destination[..Length];
        header.Clear();
        header[..TextLength].Fill((byte)' ');
        Encoding.ASCII.GetBytes(text, header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[VersionOffset..], Level5Version);
        header[IndicatorOffset] = (byte)'I';
        header[IndicatorOffset + 1] = (byte)'M';
    }

    private static bool TryReadIndicator(ReadOnlySpan<byte> start, out bool bigEndian)
    {
        bigEndian = start[IndicatorOffset] == 'M' && start[IndicatorOffset + 1] == 'I';
        return bigEndian || (start[IndicatorOffset] == 'I' && start[IndicatorOffset + 1] == 'M');
    }

    /// <summary>
    /// A v4 file starts with five 32-bit numbers, the first a type code MOPT: M (byte order, 0–4), O (always 0),
    /// P (precision, 0–5), T (matrix type, 0–2). Either byte order is tried because M says which one applies.
    /// </summary>
    private static bool LooksLikeLevel4(ReadOnlySpan<byte> start)
    {
        const int Level4HeaderLength = 20;
        if (start.Length < Level4HeaderLength) return false;
        return IsLevel4Type(BinaryPrimitives.ReadInt32LittleEndian(start)) || IsLevel4Type(BinaryPrimitives.ReadInt32BigEndian(start));
    }

    private static bool IsLevel4Type(int type) =>
        type is >= 0 and < 5000 && type / 100 % 10 == 0 && type / 10 % 10 <= 5 && type % 10 <= 2;
}
