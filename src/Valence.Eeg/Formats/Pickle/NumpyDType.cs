namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// A numpy dtype as a pickle builds it: <c>numpy.dtype('f8', False, True)</c> (REDUCE), then BUILD with the state
/// <c>(3, '&lt;', None, None, None, -1, -1, 0)</c> whose second item is the byte order. Only plain numbers are
/// accepted: floats of 2, 4 and 8 bytes, signed and unsigned integers of 1, 2, 4 and 8 bytes, and booleans.
/// </summary>
internal sealed class NumpyDType
{
    private static readonly char NativeOrder = BitConverter.IsLittleEndian ? '<' : '>';

    private NumpyDType(char kind, int itemSize, char byteOrder)
    {
        Kind = kind;
        ItemSize = itemSize;
        ByteOrder = byteOrder;
    }

    /// <summary>numpy's kind letter: 'f' float, 'i' signed integer, 'u' unsigned integer, 'b' boolean.</summary>
    public char Kind { get; }

    /// <summary>Bytes per element.</summary>
    public int ItemSize { get; }

    /// <summary>'&lt;' little-endian, '&gt;' big-endian, '|' not applicable (one-byte types).</summary>
    public char ByteOrder { get; private set; }

    /// <summary>numpy's <c>dtype.str</c>, for example "&lt;f8".</summary>
    public string Descriptor => $"{ByteOrder}{Kind}{ItemSize}";

    /// <summary>Whether elements must be byte-swapped on this machine.</summary>
    public bool IsSwapped => ItemSize > 1 && ByteOrder != NativeOrder;

    /// <summary>The int8 dtype numpy's <c>_reconstruct</c> starts an array with (typecode 'b').</summary>
    public static NumpyDType Int8 { get; } = new('i', 1, '|');

    /// <summary><c>numpy.dtype(name, align, copy)</c>.</summary>
    public static NumpyDType FromArguments(PickleTuple args)
    {
        if (args.Count is < 1 or > 3)
            throw new PickleException($"numpy.dtype takes 1 to 3 arguments, not {args.Count}");
        if (args[0] is not PickleString name)
            throw new PickleException($"numpy.dtype's first argument must be a type name, not {PickleValue.TypeName(args[0])}");
        for (int i = 1; i < args.Count; i++)
            if (args[i] is not (bool or long))
                throw new PickleException($"numpy.dtype's argument {i + 1} must be a bool, not {PickleValue.TypeName(args[i])}");
        return Parse(name);
    }

    /// <summary>BUILD: numpy's <c>dtype.__setstate__</c> for the state versions 3 and 4 that numpy writes.</summary>
    public void SetState(object? state)
    {
        if (state is not PickleTuple t || !(t.Count == 8 && t[0] is 3L || t.Count == 9 && t[0] is 4L))
            throw new PickleException("a dtype's state must be (3, order, None, None, None, size, alignment, flags) or version 4 with metadata");
        if (t[1] is not PickleString order || !(order.Is("<") || order.Is(">") || order.Is("|") || order.Is("=")))
            throw new PickleException($"a dtype's byte order must be '<', '>', '|' or '=', not {Show(t[1])}");
        if (t[2] is not null || t[3] is not null || t[4] is not null)
            throw new PickleException($"dtype {Descriptor}: structured and sub-array dtypes are not supported");
        if (t[5] is not long size || t[6] is not long || t[7] is not long)
            throw new PickleException($"dtype {Descriptor}: size, alignment and flags must be integers");
        if (size != -1 && size != ItemSize)
            throw new PickleException($"dtype {Descriptor}: the state gives an element size of {size} bytes");
        if (t.Count == 9 && t[8] is not null)
            throw new PickleException($"dtype {Descriptor}: dtype metadata is not supported");
        ByteOrder = OrderFor(order.Text[0], ItemSize);
    }

    private static NumpyDType Parse(PickleString name)
    {
        string text = name.Describe(16);
        string body = text.Length > 0 && "<>|=".Contains(text[0]) ? text[1..] : text;
        char order = body.Length == text.Length ? '=' : text[0];
        if (body.Length >= 2 && "fiub".Contains(body[0]) && int.TryParse(body.AsSpan(1), out int size) && body[1..] == size.ToString()
            && IsSupported(body[0], size))
            return new NumpyDType(body[0], size, OrderFor(order, size));
        throw new PickleException($"dtype '{text}' is not supported: only f2, f4, f8, i1, i2, i4, i8, u1, u2, u4, u8 and b1 are");
    }

    private static bool IsSupported(char kind, int size) => kind switch
    {
        'f' => size is 2 or 4 or 8,
        'i' or 'u' => size is 1 or 2 or 4 or 8,
        _ => size == 1,
    };

    private static char OrderFor(char order, int size)
    {
        if (size == 1) return '|';
        return order switch
        {
            '=' => NativeOrder,
            '|' => throw new PickleException($"byte order '|' (not applicable) given for a {size}-byte type"),
            _ => order,
        };
    }

    private static string Show(object? value) => value is PickleString s ? $"'{s.Describe(8)}'" : PickleValue.TypeName(value);
}
