using System.Numerics;

namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// Reads MAT Level 5 files (MATLAB -v6 and -v7, little- or big-endian, with or without zlib compression): lists the
/// top-level variables from their headers and reads real numeric arrays by name. Other variables (text, structs,
/// cells, sparse, objects) are listed and skipped. MATLAB v7.3 (HDF5) and v4 files are refused by name.
/// Not thread-safe.
/// </summary>
/// <remarks>
/// Every size in the file is checked before it is used: an uncompressed element against the bytes left in the file,
/// a compressed one against the 1032-fold most that deflate can expand its bytes. A compressed variable that claims
/// much more than its compressed size suggests is inflated once and counted before its array is allocated, so a
/// small corrupt file cannot make the reader allocate more than a few megabytes. Complex arrays are refused
/// rather than read in part.
/// </remarks>
public sealed class MatFileReader : IDisposable
{
    /// <summary>Compressed variables may claim up to this many inflated bytes per compressed byte before the claim is checked by inflating.</summary>
    private const long PlausibleInflationRatio = 64;

    /// <summary>Claims up to this size are believed without inflating first: a wrong one costs at most this much memory.</summary>
    private const long PlausibleInflatedFloor = 1 << 18;

    private readonly Stream _file;
    private readonly bool _leaveOpen;
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, Entry> _byName = [];

    private MatFileReader(Stream file, string path, bool leaveOpen)
    {
        _file = file;
        _leaveOpen = leaveOpen;
        Path = path;
        var header = ReadHeader();
        HeaderText = header.Text;
        IsBigEndian = header.BigEndian;
        IndexVariables();
        Variables = _entries.Select(entry => entry.Info).ToArray();
    }

    /// <summary>Opens the MAT-file at <paramref name="path"/> and reads its variable headers.</summary>
    /// <exception cref="EegFormatException">The file is not a readable MAT Level 5 file.</exception>
    public static MatFileReader Open(string path) =>
        Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), path);

    /// <summary>Reads a MAT-file from a seekable <paramref name="stream"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <param name="leaveOpen">Whether the stream stays open when the reader is disposed (or fails to open); otherwise the reader owns it.</param>
    /// <exception cref="EegFormatException">The stream does not hold a readable MAT Level 5 file.</exception>
    public static MatFileReader Open(Stream stream, string sourceName, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("A MAT-file is read from a readable, seekable stream.", nameof(stream));
        try
        {
            return new MatFileReader(stream, sourceName, leaveOpen);
        }
        catch
        {
            if (!leaveOpen) stream.Dispose();
            throw;
        }
    }

    /// <summary>The file's path (or the name given for a stream).</summary>
    public string Path { get; }

    /// <summary>The header's descriptive text, e.g. "MATLAB 5.0 MAT-file, Platform: GLNXA64, Created on: …".</summary>
    public string HeaderText { get; }

    /// <summary>Whether the file is big-endian (endian indicator "MI").</summary>
    public bool IsBigEndian { get; }

    /// <summary>The top-level variables, in file order.</summary>
    public IReadOnlyList<MatVariableInfo> Variables { get; }

    /// <summary>The variable called <paramref name="name"/> (case-sensitive, as in MATLAB), or null.</summary>
    public MatVariableInfo? Find(string name) => FindEntry(name)?.Info;

    /// <summary>
    /// Reads the real numeric variable <paramref name="name"/>, converting each value to <typeparamref name="T"/>
    /// and the layout to row-major.
    /// </summary>
    /// <exception cref="EegFormatException">The variable is missing, not real and numeric, or its data is corrupt.</exception>
    public MatArray<T> ReadArray<T>(string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Entry entry = FindEntry(name) ?? throw new EegFormatException(Path, $"variable '{name}'",
            $"no such variable; the file has: {NameList()}");
        RequireRealNumeric(entry.Info);
        if (entry.Info.IsCompressed && entry.MatrixLength > PlausibleInflatedLength(entry.StoredLength)) ProveInflatedLength(entry);
        using MatByteReader element = OpenMatrix(entry);
        element.Context = $"variable '{name}'";
        var header = MatArrayHeader.Read(element);
        T[] values = ReadRealPart<T>(element, header);
        if (entry.Info.IsCompressed)
        {
            element.Skip(element.Remaining);
            element.ExpectEndOfData();
        }
        return new MatArray<T>(name, header.Class, header.Dimensions, values);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen) _file.Dispose();
    }

    private MatHeader ReadHeader()
    {
        Span<byte> start = stackalloc byte[MatHeader.Length];
        _file.Position = 0;
        int length = _file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return MatHeader.Parse(start[..length], Path);
    }

    /// <summary>Top-level elements follow the header back to back, each miMATRIX or miCOMPRESSED, unpadded (as scipy reads them).</summary>
    private void IndexVariables()
    {
        long fileLength = _file.Length;
        using var top = MatByteReader.ForRegion(_file, 0, fileLength, IsBigEndian, Path);
        top.Skip(MatHeader.Length);
        while (top.Remaining > 0)
        {
            long offset = fileLength - top.Remaining;
            if (top.Remaining < MatTag.FullLength)
                throw top.Error($"{top.Remaining} trailing bytes are too few for a data element");
            MatTag tag = top.ReadTag();
            if (tag.IsSmall || tag.ByteCount == 0) throw new EegFormatException(Path, $"byte {offset}", "a top-level element must have a full tag and some data");
            if (tag.ByteCount > top.Remaining)
                throw new EegFormatException(Path, $"byte {offset}", $"the element declares {tag.ByteCount} bytes, but only {top.Remaining} remain in the file");
            Entry entry = tag.Type switch
            {
                MatDataType.Matrix => IndexMatrix(offset, tag.ByteCount),
                MatDataType.Compressed => IndexCompressed(offset, tag.ByteCount),
                _ => throw new EegFormatException(Path, $"byte {offset}", $"a top-level element is {MatDataTypes.Describe(tag.Type)}, not miMATRIX or miCOMPRESSED"),
            };
            Add(entry);
            top.Skip(tag.ByteCount);
        }
    }

    private Entry IndexMatrix(long offset, long length)
    {
        using MatByteReader element = OpenMatrix(offset, length, compressed: false);
        return new Entry(Describe(MatArrayHeader.Read(element), offset, compressed: false), offset, length, length, Compressed: false);
    }

    private Entry IndexCompressed(long offset, long storedLength)
    {
        using MatByteReader element = MatByteReader.ForInflated(_file, offset + MatTag.FullLength, storedLength, IsBigEndian, Path);
        long matrixLength = ReadMatrixTag(element);
        return new Entry(Describe(MatArrayHeader.Read(element), offset, compressed: true), offset, storedLength, matrixLength, Compressed: true);
    }

    private static MatVariableInfo Describe(MatArrayHeader header, long offset, bool compressed) =>
        new(header.Name, header.Class, header.Dimensions, header.IsComplex, header.IsLogical, compressed, offset);

    private MatByteReader OpenMatrix(Entry entry) => OpenMatrix(entry.Offset, entry.StoredLength, entry.Compressed);

    /// <summary>Positions a reader at the start of a variable's array flags, limited to its miMATRIX content.</summary>
    private MatByteReader OpenMatrix(long offset, long storedLength, bool compressed)
    {
        long start = offset + MatTag.FullLength;
        if (!compressed) return MatByteReader.ForRegion(_file, start, storedLength, IsBigEndian, Path);
        var element = MatByteReader.ForInflated(_file, start, storedLength, IsBigEndian, Path);
        try
        {
            ReadMatrixTag(element);
            return element;
        }
        catch
        {
            element.Dispose();
            throw;
        }
    }

    /// <summary>Reads the miMATRIX tag at the start of inflated data and limits the reader to the matrix.</summary>
    private static long ReadMatrixTag(MatByteReader element)
    {
        MatTag tag = element.ReadTag();
        if (tag.Type != MatDataType.Matrix || tag.IsSmall)
            throw element.Error($"a compressed element must hold miMATRIX, not {MatDataTypes.Describe(tag.Type)}");
        element.Restrict(tag.ByteCount);
        return tag.ByteCount;
    }

    private static long PlausibleInflatedLength(long storedLength) =>
        Math.Max(PlausibleInflatedFloor, storedLength * PlausibleInflationRatio);

    /// <summary>Inflates the whole element once, discarding it, so that its claimed size is known to be real before an array that size is allocated.</summary>
    private void ProveInflatedLength(Entry entry)
    {
        using MatByteReader element = OpenMatrix(entry);
        element.Context = $"variable '{entry.Info.Name}'";
        element.Skip(element.Remaining);
        element.ExpectEndOfData();
    }

    private T[] ReadRealPart<T>(MatByteReader element, MatArrayHeader header) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long count = header.ElementCount(element);
        MatTag tag = element.ReadTag();
        int size = MatDataTypes.NumericSize(tag.Type);
        if (size == 0) throw element.Error($"the real part is stored as {MatDataTypes.Describe(tag.Type)}, not a numeric type");
        if (tag.ByteCount != count * size)
            throw element.Error($"the real part holds {tag.ByteCount} bytes, but {count} values ({string.Join("×", header.Dimensions)}) of {MatDataTypes.Describe(tag.Type)} take {count * size}");
        if (tag.PaddedLength > element.Remaining)
            throw element.Error($"the real part needs {tag.PaddedLength} bytes, but only {element.Remaining} remain in the element");
        var values = new T[count];
        MatNumericDecoder.Decode<T>(element, tag.Type, header.Dimensions, values);
        element.Skip(tag.PaddingLength);
        return values;
    }

    private void RequireRealNumeric(MatVariableInfo info)
    {
        string place = $"variable '{info.Name}' at byte {info.Offset}";
        if (!MatArrayClasses.IsNumeric(info.Class))
            throw new EegFormatException(Path, place, $"it is a {info.Class.ToString().ToLowerInvariant()} array, not a numeric one");
        if (info.IsComplex)
            throw new EegFormatException(Path, place, "it is complex; only real arrays are read (DEAP's data and labels are real)");
    }

    /// <summary>Adds a variable; names are unique, except the empty name of opaque objects and subsystem data, which is found at its first use.</summary>
    private void Add(Entry entry)
    {
        string name = entry.Info.Name;
        if (!_byName.TryAdd(name, entry) && name.Length > 0)
            throw new EegFormatException(Path, $"byte {entry.Offset}", $"a second variable '{name}' (the first is at byte {_byName[name].Offset})");
        _entries.Add(entry);
    }

    private Entry? FindEntry(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The variables' names for a message, the first few of a long list.</summary>
    private string NameList()
    {
        const int MaxNames = 20;
        string names = string.Join(", ", Variables.Take(MaxNames).Select(v => $"'{v.Name}'"));
        return Variables.Count > MaxNames ? $"{names} and {Variables.Count - MaxNames} more" : names;
    }

    /// <param name="StoredLength">Bytes after the top-level tag (compressed bytes for miCOMPRESSED).</param>
    /// <param name="MatrixLength">Bytes of the miMATRIX content once inflated.</param>
    private sealed record Entry(MatVariableInfo Info, long Offset, long StoredLength, long MatrixLength, bool Compressed);
}
