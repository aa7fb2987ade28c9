using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// Writes a little-endian MAT Level 5 file that MATLAB and scipy.io.loadmat read: the header, then real arrays of
/// class double or single, each as one miMATRIX element, optionally inside its own miCOMPRESSED (zlib) element as
/// MATLAB's -v7 does. Values are given row-major and written column-major. The same input gives the same bytes
/// (the header carries no date). Does not own the stream.
/// </summary>
public sealed partial class MatFileWriter
{
    /// <summary>The header text this writer puts in every file.</summary>
    public const string HeaderText = "MATLAB 5.0 MAT-file, written by Valence.Eeg";

    private const int FlagsDataLength = 8;
    private readonly Stream _stream;
    private readonly bool _compress;
    private readonly HashSet<string> _names = [];

    /// <summary>Starts a MAT-file on <paramref name="stream"/> by writing its header.</summary>
    /// <param name="compress">Whether each variable goes in a miCOMPRESSED element; the stream must then be seekable, because the compressed length precedes the data.</param>
    public MatFileWriter(Stream stream, bool compress)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite) throw new ArgumentException("The stream is not writable.", nameof(stream));
        if (compress && !stream.CanSeek)
            throw new ArgumentException("Compressing needs a seekable stream: the compressed length is written before the data.", nameof(stream));
        _stream = stream;
        _compress = compress;
        Span<byte> header = stackalloc byte[MatHeader.Length];
        MatHeader.Write(header, HeaderText);
        stream.Write(header);
    }

    /// <summary>Writes the real array <paramref name="name"/> with <paramref name="dimensions"/> (MATLAB's order, at least two) from row-major values, stored as class <paramref name="storeAs"/>.</summary>
    /// <param name="storeAs"><see cref="MatArrayClass.Double"/> or <see cref="MatArrayClass.Single"/>.</param>
    /// <exception cref="ArgumentException">The name is not a MATLAB identifier or is used twice, the dimensions do not match the values, or the class is not double or single.</exception>
    public void Write<T>(string name, ReadOnlySpan<int> dimensions, ReadOnlySpan<T> rowMajorValues, MatArrayClass storeAs = MatArrayClass.Double)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        MatDataType stored = CheckArguments(name, dimensions, rowMajorValues.Length, storeAs);
        long contentLength = ContentLength(name, dimensions.Length, (long)rowMajorValues.Length * MatDataTypes.NumericSize(stored));
        if (contentLength > uint.MaxValue)
            throw new ArgumentException($"Variable '{name}' needs {contentLength} bytes; a MAT Level 5 element holds at most {uint.MaxValue}.", nameof(rowMajorValues));
        if (_compress) WriteCompressed(name, dimensions, rowMajorValues, storeAs, stored, contentLength);
        else WriteMatrix(_stream, name, dimensions, rowMajorValues, storeAs, stored, contentLength);
        _names.Add(name);
    }

    private MatDataType CheckArguments(string name, ReadOnlySpan<int> dimensions, int valueCount, MatArrayClass storeAs)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!MatlabIdentifier().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a MATLAB variable name (a letter, then up to 62 letters, digits or underscores).", nameof(name));
        if (_names.Contains(name)) throw new ArgumentException($"Variable '{name}' is already in the file.", nameof(name));
        if (dimensions.Length is < 2 or > MatArrayHeader.MaxRank)
            throw new ArgumentException($"A MAT array has 2 to {MatArrayHeader.MaxRank} dimensions, not {dimensions.Length}.", nameof(dimensions));
        long count = 1;
        foreach (int dimension in dimensions)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dimension, nameof(dimensions));
            count *= dimension;
        }
        if (count != valueCount)
            throw new ArgumentException($"Dimensions {string.Join("×", dimensions.ToArray())} describe {count} values, but {valueCount} were given.", nameof(dimensions));
        return storeAs switch
        {
            MatArrayClass.Double => MatDataType.Double,
            MatArrayClass.Single => MatDataType.Single,
            _ => throw new ArgumentException($"Arrays are written as class double or single, not {storeAs}.", nameof(storeAs)),
        };
    }

    /// <summary>Bytes of a miMATRIX element after its tag: flags, dimensions, name and real part, each padded.</summary>
    private static long ContentLength(string name, int rank, long dataLength) =>
        ElementLength(FlagsDataLength) + ElementLength(rank * sizeof(int)) + ElementLength(name.Length) + ElementLength(dataLength);

    /// <summary>Bytes an element takes with its tag: 8 in the small format (4 data bytes or fewer, as scipy writes them), else 8 plus the data padded to 8.</summary>
    private static long ElementLength(long dataLength) =>
        dataLength <= MatTag.SmallDataLength ? MatTag.FullLength : MatTag.FullLength + ((dataLength + 7) & ~7L);

    private void WriteCompressed<T>(string name, ReadOnlySpan<int> dimensions, ReadOnlySpan<T> values, MatArrayClass storeAs,
        MatDataType stored, long contentLength) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long tagPosition = _stream.Position;
        WriteFullTag(_stream, MatDataType.Compressed, 0);
        using (var zlib = new ZLibStream(_stream, CompressionLevel.Optimal, leaveOpen: true))
            WriteMatrix(zlib, name, dimensions, values, storeAs, stored, contentLength);
        long end = _stream.Position;
        long compressedLength = end - tagPosition - MatTag.FullLength;
        if (compressedLength > uint.MaxValue)
            throw new IOException($"Variable '{name}' compresses to {compressedLength} bytes; a MAT Level 5 element holds at most {uint.MaxValue}.");
        _stream.Position = tagPosition;
        WriteFullTag(_stream, MatDataType.Compressed, (uint)compressedLength);
        _stream.Position = end;
    }

    private static void WriteMatrix<T>(Stream target, string name, ReadOnlySpan<int> dimensions, ReadOnlySpan<T> values,
        MatArrayClass storeAs, MatDataType stored, long contentLength) where T : unmanaged, IFloatingPointIeee754<T>
    {
        WriteFullTag(target, MatDataType.Matrix, (uint)contentLength);
        Span<byte> flags = stackalloc byte[FlagsDataLength];
        BinaryPrimitives.WriteUInt32LittleEndian(flags, (uint)storeAs);
        BinaryPrimitives.WriteUInt32LittleEndian(flags[sizeof(uint)..], 0);
        WriteElement(target, MatDataType.UInt32, flags);
        Span<byte> dims = stackalloc byte[dimensions.Length * sizeof(int)];
        for (int i = 0; i < dimensions.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(dims[(i * sizeof(int))..], dimensions[i]);
        WriteElement(target, MatDataType.Int32, dims);
        WriteElement(target, MatDataType.Int8, Encoding.ASCII.GetBytes(name));
        long dataLength = (long)values.Length * MatDataTypes.NumericSize(stored);
        WriteTag(target, stored, dataLength);
        MatNumericEncoder.Encode(target, values, dimensions, stored);
        WritePadding(target, dataLength);
    }

    private static void WriteElement(Stream target, MatDataType type, ReadOnlySpan<byte> data)
    {
        WriteTag(target, type, data.Length);
        target.Write(data);
        WritePadding(target, data.Length);
    }

    /// <summary>A small-format tag (count in the upper half of the word) for 4 data bytes or fewer, else a full tag.</summary>
    private static void WriteTag(Stream target, MatDataType type, long dataLength)
    {
        if (dataLength > MatTag.SmallDataLength)
        {
            WriteFullTag(target, type, (uint)dataLength);
            return;
        }
        Span<byte> word = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32LittleEndian(word, (uint)dataLength << 16 | (uint)type);
        target.Write(word);
    }

    private static void WriteFullTag(Stream target, MatDataType type, uint byteCount)
    {
        Span<byte> tag = stackalloc byte[MatTag.FullLength];
        BinaryPrimitives.WriteUInt32LittleEndian(tag, (uint)type);
        BinaryPrimitives.WriteUInt32LittleEndian(tag[sizeof(uint)..], byteCount);
        target.Write(tag);
    }

    private static void WritePadding(Stream target, long dataLength)
    {
        long padding = dataLength <= MatTag.SmallDataLength ? MatTag.SmallDataLength - dataLength : -dataLength & 7;
        Span<byte> zeros = stackalloc byte[8];
        zeros.Clear();
        target.Write(zeros[..(int)padding]);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,62}$")]
    private static partial Regex MatlabIdentifier();
}
