namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// A numpy array as a pickle builds it, either way numpy writes one:
/// <list type="bullet">
/// <item>protocols 0–4: <c>_reconstruct(numpy.ndarray, (0,), b'b')</c> (REDUCE), then BUILD with
/// <c>(1, shape, dtype, is_fortran, raw)</c>, where raw is bytes or (Python 2, or Python 3 via
/// <c>_codecs.encode</c>) a latin1 string;</item>
/// <item>protocol 5: <c>_frombuffer(buffer, dtype, shape, order)</c>.</item>
/// </list>
/// Every size is checked against the raw bytes; the elements stay as bytes until <see cref="CopyTo"/> converts them.
/// </summary>
internal sealed class NumpyArray
{
    /// <summary>numpy's limit on dimensions (NPY_MAXDIMS in numpy 1).</summary>
    public const int MaxDimensions = 32;

    private NumpyArray(NumpyDType dtype, long[] shape, bool fortranOrder, PickleBlob data)
    {
        DType = dtype;
        Shape = shape;
        IsFortranOrder = fortranOrder;
        Data = data;
    }

    /// <summary>The element type.</summary>
    public NumpyDType DType { get; private set; }

    /// <summary>The dimensions.</summary>
    public IReadOnlyList<long> Shape { get; private set; }

    /// <summary>Whether <see cref="Data"/> holds the elements in column-major (Fortran) order.</summary>
    public bool IsFortranOrder { get; private set; }

    /// <summary>The raw elements: exactly <see cref="ElementCount"/> × item size bytes.</summary>
    public PickleBlob Data { get; private set; }

    /// <summary>The product of the dimensions.</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The shape as numpy prints it, for example "(40, 4)".</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary><c>numpy.core.multiarray._reconstruct(numpy.ndarray, shape, typecode)</c>: an empty int8 array awaiting BUILD.</summary>
    public static NumpyArray Reconstruct(PickleTuple args)
    {
        if (args.Count != 3 || args[0] is not PickleGlobal { Kind: PickleGlobalKind.NdArray })
            throw new PickleException("_reconstruct must be called as _reconstruct(numpy.ndarray, shape, typecode)");
        var shape = ParseShape(args[1], 1);
        if (CountElements(shape) != 0)
            throw new PickleException($"_reconstruct with shape {FormatShape(shape)} would leave the array uninitialised; numpy writes (0,)");
        if (!(args[2] is PickleString s && s.Is("b") || args[2] is PickleBytes b && b.Content.Length == 1 && b.Content.AsSpan()[0] == (byte)'b'))
            throw new PickleException("_reconstruct's typecode must be 'b', as numpy writes it");
        return new NumpyArray(NumpyDType.Int8, shape, false, PickleBlob.Empty);
    }

    /// <summary><c>numpy.core.numeric._frombuffer(buffer, dtype, shape, order)</c>, how protocol 5 writes an array.</summary>
    public static NumpyArray FromBuffer(PickleTuple args)
    {
        if (args.Count != 4)
            throw new PickleException($"_frombuffer takes (buffer, dtype, shape, order), not {args.Count} arguments");
        if (args[0] is not PickleBytes buffer)
            throw new PickleException($"_frombuffer's buffer must be bytes or bytearray, not {PickleValue.TypeName(args[0])}");
        if (args[1] is not NumpyDType dtype)
            throw new PickleException($"_frombuffer's dtype must be a numpy.dtype, not {PickleValue.TypeName(args[1])}");
        var shape = ParseShape(args[2], dtype.ItemSize);
        if (args[3] is not PickleString order || !(order.Is("C") || order.Is("F")))
            throw new PickleException("_frombuffer's order must be 'C' or 'F'");
        RequireSize(buffer.Content, shape, dtype);
        return new NumpyArray(dtype, shape, order.Is("F"), buffer.Content);
    }

    /// <summary>BUILD: numpy's <c>ndarray.__setstate__((version, shape, dtype, is_fortran, raw))</c> (or the 4-item form without version).</summary>
    public void SetState(object? state)
    {
        if (state is not PickleTuple t || !(t.Count == 5 && t[0] is 1L || t.Count == 4))
            throw new PickleException("an array's state must be (1, shape, dtype, is_fortran, raw)");
        int first = t.Count - 4;
        if (t[first + 1] is not NumpyDType dtype)
            throw new PickleException($"an array's dtype must be a numpy.dtype, not {PickleValue.TypeName(t[first + 1])}");
        var shape = ParseShape(t[first], dtype.ItemSize);
        if (t[first + 2] is not (bool or long))
            throw new PickleException($"an array's is_fortran flag must be a bool, not {PickleValue.TypeName(t[first + 2])}");
        bool fortran = t[first + 2] is true || t[first + 2] is long l && l != 0;
        var data = t[first + 3] switch
        {
            PickleBytes bytes => bytes.Content,
            PickleString text => text.EncodeLatin1(),
            var other => throw new PickleException($"an array's raw data must be bytes or a latin1 string, not {PickleValue.TypeName(other)} (object arrays are not supported)"),
        };
        RequireSize(data, shape, dtype);
        DType = dtype;
        Shape = shape;
        IsFortranOrder = fortran;
        Data = data;
    }

    /// <summary>Converts every element to float32 into <paramref name="destination"/>, in row-major (C) order.</summary>
    public void CopyTo(Span<float> destination)
    {
        if (destination.Length != ElementCount)
            throw new ArgumentException($"The destination holds {destination.Length} floats; the array has {ElementCount}.", nameof(destination));
        if (!IsFortranOrder || Shape.Count < 2)
        {
            NumpyElements.ToSingle(Data, DType, destination);
            return;
        }
        var columnMajor = GC.AllocateUninitializedArray<float>(destination.Length);
        NumpyElements.ToSingle(Data, DType, columnMajor);
        NumpyElements.ColumnMajorToRowMajor(columnMajor, destination, Shape);
    }

    private static long[] ParseShape(object? value, int itemSize)
    {
        if (value is not PickleTuple t)
            throw new PickleException($"an array's shape must be a tuple, not {PickleValue.TypeName(value)}");
        if (t.Count > MaxDimensions)
            throw new PickleException($"an array may have at most {MaxDimensions} dimensions, not {t.Count}");
        var shape = new long[t.Count];
        for (int i = 0; i < shape.Length; i++)
            shape[i] = t[i] is long n && n >= 0 ? n : throw new PickleException($"dimension {i} of an array's shape must be a non-negative int, not {Show(t[i])}");
        if (CountBytes(shape, itemSize) < 0)
            throw new PickleException($"shape {FormatShape(shape)} does not fit in memory: it needs more than 2^63 bytes");
        return shape;
    }

    private static void RequireSize(PickleBlob data, long[] shape, NumpyDType dtype)
    {
        long needed = CountBytes(shape, dtype.ItemSize);
        if (data.Length != needed)
            throw new PickleException($"the array's raw data has {data.Length} bytes; shape {FormatShape(shape)} of {dtype.Descriptor} needs {needed}");
    }

    private static long CountElements(long[] shape) => CountBytes(shape, 1);

    /// <summary>The product of the shape and <paramref name="itemSize"/>, or -1 if it overflows 64 bits.</summary>
    private static long CountBytes(long[] shape, int itemSize)
    {
        if (shape.Contains(0)) return 0;
        long product = itemSize;
        foreach (long n in shape)
        {
            if (product > long.MaxValue / n) return -1;
            product *= n;
        }
        return product;
    }

    private static string FormatShape(IReadOnlyList<long> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    private static string Show(object? value) => value is long n ? n.ToString() : PickleValue.TypeName(value);
}
