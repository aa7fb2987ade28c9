using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// Reads one region of a MAT-file (the whole file, one element's bytes, or the data inflated from a miCOMPRESSED
/// element) with the file's byte order. Every read is checked against the bytes the region has left, so a size read
/// from the file can be checked before anything is allocated for it; every failure becomes an
/// <see cref="EegFormatException"/> naming the place.
/// </summary>
internal sealed class MatByteReader : IDisposable
{
    /// <summary>
    /// Deflate cannot expand data more than 1032-fold (a 258-byte match costs at least two bits), so a compressed
    /// element of n bytes inflates to at most this many bytes; the slack covers block headers and the zlib wrapper.
    /// </summary>
    private const long MaxInflationRatio = 1032;
    private const long InflationSlack = 1024;

    private readonly Stream _stream;
    private readonly long _origin;
    private readonly bool _inflated;
    private readonly string _path;
    private long _position;
    private long _length;

    private MatByteReader(Stream stream, long origin, long length, bool inflated, bool bigEndian, string path)
    {
        _stream = stream;
        _origin = origin;
        _length = length;
        _inflated = inflated;
        BigEndian = bigEndian;
        _path = path;
    }

    /// <summary>Reads <paramref name="length"/> bytes of <paramref name="file"/> from <paramref name="start"/>; places are file offsets.</summary>
    public static MatByteReader ForRegion(Stream file, long start, long length, bool bigEndian, string path) =>
        new(new RegionStream(file, start, length), start, length, inflated: false, bigEndian, path);

    /// <summary>Reads the data inflated from the <paramref name="compressedLength"/> zlib bytes at <paramref name="start"/>; places are offsets into the inflated data.</summary>
    public static MatByteReader ForInflated(Stream file, long start, long compressedLength, bool bigEndian, string path) =>
        new(new ZLibStream(new RegionStream(file, start, compressedLength), CompressionMode.Decompress),
            start, MaxInflatedLength(compressedLength), inflated: true, bigEndian, path);

    /// <summary>The most bytes <paramref name="compressedLength"/> bytes of zlib data can inflate to.</summary>
    public static long MaxInflatedLength(long compressedLength) => compressedLength * MaxInflationRatio + InflationSlack;

    /// <summary>Whether numbers in the region are big-endian.</summary>
    public bool BigEndian { get; }

    /// <summary>Bytes left in the region.</summary>
    public long Remaining => _length - _position;

    /// <summary>What is being read (for example "variable 'data'"), put before the offset in error places.</summary>
    public string? Context { get; set; }

    /// <summary>Where the next byte is, as an error place.</summary>
    public string Place
    {
        get
        {
            string offset = _inflated
                ? $"byte {_position} of the data inflated from the miCOMPRESSED element at byte {_origin - MatTag.FullLength}"
                : $"byte {_origin + _position}";
            return Context is null ? offset : $"{Context}, {offset}";
        }
    }

    /// <summary>An exception for <paramref name="reason"/> at the current place.</summary>
    public EegFormatException Error(string reason, Exception? inner = null) => new(_path, Place, reason, inner);

    /// <summary>Ends the region <paramref name="length"/> bytes from here, once an element's tag has said how long it is.</summary>
    public void Restrict(long length)
    {
        if (length > Remaining) throw Error($"the element declares {length} bytes, but at most {Remaining} can follow");
        _length = _position + length;
    }

    /// <summary>Fills <paramref name="buffer"/>, or throws if the region or the data ends first.</summary>
    public void Read(Span<byte> buffer)
    {
        if (buffer.Length > Remaining) throw Error($"needs {buffer.Length} bytes, but only {Remaining} remain in the element");
        while (!buffer.IsEmpty)
        {
            int read = ReadStream(buffer);
            if (read == 0) throw Error(_inflated ? "the compressed data ends early" : "the file ends early");
            buffer = buffer[read..];
        }
    }

    /// <summary>Reads a 32-bit unsigned number in the file's byte order.</summary>
    public uint ReadUInt32()
    {
        Span<byte> bytes = stackalloc byte[sizeof(uint)];
        Read(bytes);
        return BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    /// <summary>Reads an element tag, in either the full or the small data element format.</summary>
    public MatTag ReadTag()
    {
        uint word = ReadUInt32();
        uint smallCount = word >> 16;
        if (smallCount == 0) return new MatTag((MatDataType)word, ReadUInt32(), IsSmall: false);
        if (smallCount > MatTag.SmallDataLength)
            throw Error($"a small data element declares {smallCount} bytes; at most {MatTag.SmallDataLength} fit");
        return new MatTag((MatDataType)(word & 0xFFFF), smallCount, IsSmall: true);
    }

    /// <summary>Skips <paramref name="count"/> bytes (seeking where it can, reading where it must).</summary>
    public void Skip(long count)
    {
        if (count > Remaining) throw Error($"cannot skip {count} bytes, only {Remaining} remain in the element");
        if (_stream.CanSeek)
        {
            _stream.Seek(count, SeekOrigin.Current);
            _position += count;
            return;
        }
        byte[] scratch = ArrayPool<byte>.Shared.Rent((int)Math.Min(count, 1 << 16));
        try
        {
            for (long left = count; left > 0; left -= scratch.Length)
                Read(scratch.AsSpan(0, (int)Math.Min(left, scratch.Length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// Checks that the inflated data ends here, allowing up to 7 bytes of padding. Reading to the end of the zlib
    /// stream also makes the decoder verify its Adler-32 checksum.
    /// </summary>
    public void ExpectEndOfData()
    {
        const int MaxPadding = 7;
        Span<byte> rest = stackalloc byte[MaxPadding + 1];
        int total = 0;
        for (int read; (read = ReadStream(rest[total..])) > 0;)
        {
            total += read;
            if (total > MaxPadding) throw Error("the compressed element holds more data after its array");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private int ReadStream(Span<byte> buffer)
    {
        try
        {
            int read = _stream.Read(buffer);
            _position += read;
            return read;
        }
        catch (InvalidDataException e)
        {
            // .NET reports every zlib failure with one generic message, so it is not repeated here.
            throw Error("the zlib data is corrupt or fails its checksum", e);
        }
    }
}
