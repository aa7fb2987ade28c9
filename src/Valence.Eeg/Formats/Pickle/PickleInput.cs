using System.Buffers.Binary;

namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// Reads a pickle from a seekable stream through its own buffer, knowing at every moment its byte offset and how
/// many bytes remain, so that every length a pickle claims is checked against the bytes that are really there before
/// anything is allocated for it.
/// </summary>
internal sealed class PickleInput
{
    private const int BufferSize = 1 << 16;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private long _bufferStart;
    private int _position;
    private int _count;

    /// <summary>Starts reading at the stream's current position.</summary>
    public PickleInput(Stream stream)
    {
        if (!stream.CanRead || !stream.CanSeek)
            throw new ArgumentException("A pickle is read from a readable, seekable stream.", nameof(stream));
        _stream = stream;
        _bufferStart = stream.Position;
        Length = stream.Length;
    }

    /// <summary>The stream this input reads.</summary>
    public Stream Stream => _stream;

    /// <summary>The stream's length in bytes.</summary>
    public long Length { get; }

    /// <summary>The offset of the next byte to read.</summary>
    public long Position => _bufferStart + _position;

    /// <summary>Bytes left after <see cref="Position"/>.</summary>
    public long Remaining => Length - Position;

    /// <summary>Whether the input is at its end.</summary>
    public bool AtEnd => Remaining <= 0;

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        if (_position == _count) Fill(1, "1 byte");
        return _buffer[_position++];
    }

    /// <summary>Reads a little-endian unsigned 16-bit integer.</summary>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    /// <summary>Reads a little-endian signed 32-bit integer.</summary>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    /// <summary>Reads a little-endian unsigned 32-bit integer.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>Reads a little-endian unsigned 64-bit integer.</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>Reads a big-endian IEEE double (BINFLOAT's encoding).</summary>
    public double ReadDoubleBigEndian() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    /// <summary>
    /// Reads <paramref name="length"/> bytes, checking first that they are there. Payloads of at least
    /// <paramref name="deferFrom"/> bytes are skipped and returned as a span of the stream, read when used.
    /// </summary>
    public PickleBlob ReadBlob(ulong length, long deferFrom, string what)
    {
        RequireAvailable(length, what);
        long n = (long)length;
        if (n < deferFrom || n == 0) return PickleBlob.InMemory(ReadBytes(length, what));
        var deferred = PickleBlob.InStream(_stream, Position, n);
        Skip(n);
        return deferred;
    }

    /// <summary>Reads <paramref name="length"/> bytes into a new array, checking first that they are there.</summary>
    public byte[] ReadBytes(ulong length, string what)
    {
        RequireAvailable(length, what);
        if (length > (ulong)Array.MaxLength)
            throw new PickleException($"{what} of {length} bytes is larger than an array can hold");
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Reads up to the next newline (protocol 0's text arguments) and returns the line without it.</summary>
    public byte[] ReadLine(string what)
    {
        var line = new List<byte[]>();
        int total = 0;
        while (true)
        {
            if (_position == _count) Fill(1, $"the newline that ends {what}");
            var available = _buffer.AsSpan(_position, _count - _position);
            int newline = available.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var result = new byte[total + newline];
                int at = 0;
                foreach (var part in line) { part.CopyTo(result, at); at += part.Length; }
                available[..newline].CopyTo(result.AsSpan(at));
                _position += newline + 1;
                return result;
            }
            line.Add(available.ToArray());
            total += available.Length;
            _position = _count;
        }
    }

    /// <summary>Throws unless <paramref name="length"/> bytes remain after the current position.</summary>
    public void RequireAvailable(ulong length, string what)
    {
        long remaining = Math.Max(Remaining, 0);
        if (length > (ulong)remaining)
            throw new PickleException($"{what} claims {length} bytes but only {remaining} remain in the file");
    }

    private ReadOnlySpan<byte> Take(int n)
    {
        if (_count - _position < n) Fill(n, $"{n} bytes");
        var span = _buffer.AsSpan(_position, n);
        _position += n;
        return span;
    }

    private void ReadExactly(Span<byte> destination)
    {
        int buffered = Math.Min(destination.Length, _count - _position);
        _buffer.AsSpan(_position, buffered).CopyTo(destination);
        _position += buffered;
        var rest = destination[buffered..];
        if (rest.IsEmpty) return;
        // Large reads go straight from the stream into the destination.
        _bufferStart += _count;
        _position = _count = 0;
        Seek(_bufferStart);
        int read = _stream.ReadAtLeast(rest, rest.Length, throwOnEndOfStream: false);
        _bufferStart += read;
        if (read < rest.Length) throw new PickleException("the file ends in the middle of a value");
    }

    private void Skip(long n)
    {
        long inBuffer = _count - _position;
        if (n <= inBuffer)
        {
            _position += (int)n;
            return;
        }
        _bufferStart += _position + n;
        _position = _count = 0;
    }

    /// <summary>Makes at least <paramref name="needed"/> bytes available from <see cref="_position"/>.</summary>
    private void Fill(int needed, string what)
    {
        int kept = _count - _position;
        Array.Copy(_buffer, _position, _buffer, 0, kept);
        _bufferStart += _position;
        _position = 0;
        _count = kept;
        // Reading a deferred payload moves the stream, so every fill seeks to where this input left off.
        Seek(_bufferStart + _count);
        while (_count < needed)
        {
            int read = _stream.Read(_buffer, _count, _buffer.Length - _count);
            if (read == 0) throw new PickleException($"the file ends where {what} should be");
            _count += read;
        }
    }

    private void Seek(long offset)
    {
        if (_stream.Position != offset) _stream.Position = offset;
    }
}
