namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// The bytes of a pickled byte string: held in memory, or, for a large payload, a span of the source stream that is
/// read when it is used (so a DEAP array's 100 MB go from the file into the samples without an intermediate copy).
/// Immutable.
/// </summary>
internal sealed class PickleBlob
{
    private readonly byte[]? _bytes;
    private readonly Stream? _stream;
    private readonly long _offset;

    private PickleBlob(byte[]? bytes, Stream? stream, long offset, long length)
    {
        _bytes = bytes;
        _stream = stream;
        _offset = offset;
        Length = length;
    }

    /// <summary>An empty blob.</summary>
    public static PickleBlob Empty { get; } = InMemory([]);

    /// <summary>Bytes already in memory; kept, not copied.</summary>
    public static PickleBlob InMemory(byte[] bytes) => new(bytes, null, 0, bytes.Length);

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="bytes"/>; kept, not copied.</summary>
    public static PickleBlob InMemory(byte[] bytes, int length) => new(bytes, null, 0, length);

    /// <summary><paramref name="length"/> bytes of <paramref name="stream"/> from <paramref name="offset"/>, read when used.</summary>
    public static PickleBlob InStream(Stream stream, long offset, long length) => new(null, stream, offset, length);

    /// <summary>Number of bytes.</summary>
    public long Length { get; }

    /// <summary>Whether the bytes are still in the file.</summary>
    public bool IsDeferred => _bytes is null;

    /// <summary>Copies <paramref name="destination"/>.Length bytes starting at <paramref name="start"/>.</summary>
    public void CopyTo(long start, Span<byte> destination)
    {
        if (start < 0 || start > Length - destination.Length)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Bytes {start}..{start + destination.Length} are outside a blob of {Length}.");
        if (_bytes is not null)
        {
            _bytes.AsSpan((int)start, destination.Length).CopyTo(destination);
            return;
        }
        _stream!.Position = _offset + start;
        int read = _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        if (read < destination.Length)
            throw new PickleException($"the file ended while reading {destination.Length} bytes at byte {_offset + start} (was it changed while being read?)");
    }

    /// <summary>The bytes as a span, reading them from the file if they were deferred.</summary>
    public ReadOnlySpan<byte> AsSpan()
    {
        if (_bytes is not null) return _bytes.AsSpan(0, (int)Length);
        if (Length > Array.MaxLength) throw new PickleException($"a byte string of {Length} bytes is larger than an array can hold");
        var bytes = GC.AllocateUninitializedArray<byte>((int)Length);
        CopyTo(0, bytes);
        return bytes;
    }
}
