using System.Buffers.Binary;
using System.Text;
using static Valence.Eeg.Formats.Pickle.PickleOpcode;

namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// Writes protocol-2 pickle opcodes the way Python 2's cPickle with numpy 1.x wrote DEAP's files: strings as Python 2
/// <c>str</c> (SHORT_BINSTRING/BINSTRING, raw bytes that Python 3 reads with <c>encoding='latin1'</c>), small ints
/// as BININT1/BININT2/BININT, globals memoized (BINPUT from 1, as cPickle numbered them) and fetched again with
/// BINGET.
/// </summary>
internal sealed class Python2PickleWriter(Stream stream)
{
    private readonly Dictionary<string, byte> _memo = [];

    /// <summary>PROTO 2.</summary>
    public void Protocol2() => stream.Write([(byte)PROTO, 2]);

    /// <summary>One opcode without an argument.</summary>
    public void Op(PickleOpcode opcode) => stream.WriteByte((byte)opcode);

    /// <summary>An int in the shortest of BININT1, BININT2 and BININT.</summary>
    public void Int(int value)
    {
        Span<byte> bytes = stackalloc byte[5];
        switch (value)
        {
            case >= 0 and <= byte.MaxValue:
                stream.Write([(byte)BININT1, (byte)value]);
                break;
            case >= 0 and <= ushort.MaxValue:
                bytes[0] = (byte)BININT2;
                BinaryPrimitives.WriteUInt16LittleEndian(bytes[1..], (ushort)value);
                stream.Write(bytes[..3]);
                break;
            default:
                bytes[0] = (byte)BININT;
                BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], value);
                stream.Write(bytes);
                break;
        }
    }

    /// <summary>A tuple of the ints <paramref name="values"/>: TUPLE1–3 for up to three items, MARK … TUPLE otherwise.</summary>
    public void IntTuple(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            Op(EMPTY_TUPLE);
            return;
        }
        if (values.Count > 3) Op(MARK);
        foreach (int v in values) Int(v);
        Op(values.Count switch { 1 => TUPLE1, 2 => TUPLE2, 3 => TUPLE3, _ => TUPLE });
    }

    /// <summary>A short ASCII Python 2 string (SHORT_BINSTRING).</summary>
    public void String(string ascii)
    {
        var bytes = Encoding.ASCII.GetBytes(ascii);
        StringHeader(bytes.Length);
        stream.Write(bytes);
    }

    /// <summary>The opcode and length of a Python 2 string of <paramref name="length"/> bytes; the caller writes the bytes.</summary>
    public void StringHeader(long length)
    {
        if (length < 256)
        {
            stream.Write([(byte)SHORT_BINSTRING, (byte)length]);
            return;
        }
        if (length > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(length), length, "A Python 2 string (BINSTRING) holds at most 2 GiB.");
        Span<byte> header = stackalloc byte[5];
        header[0] = (byte)BINSTRING;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], (int)length);
        stream.Write(header);
    }

    /// <summary>GLOBAL <paramref name="module"/>.<paramref name="name"/> the first time (memoized), BINGET after.</summary>
    public void Global(string module, string name)
    {
        string key = $"{module}\n{name}\n";
        if (_memo.TryGetValue(key, out byte index))
        {
            stream.Write([(byte)BINGET, index]);
            return;
        }
        Op(GLOBAL);
        stream.Write(Encoding.ASCII.GetBytes(key));
        index = checked((byte)(_memo.Count + 1));
        _memo.Add(key, index);
        stream.Write([(byte)BINPUT, index]);
    }

    /// <summary>
    /// A C-order numpy array as numpy 1.x reduced it: <c>_reconstruct(ndarray, (0,), 'b')</c>, then BUILD with
    /// <c>(1, shape, dtype(type, 0, 1) + BUILD (3, '&lt;', …), False, raw)</c>. <paramref name="writeRaw"/> writes
    /// exactly <paramref name="rawLength"/> little-endian bytes.
    /// </summary>
    public void NumpyArray(IReadOnlyList<int> shape, string typeName, long rawLength, Action<Stream> writeRaw)
    {
        Global("numpy.core.multiarray", "_reconstruct");
        Global("numpy", "ndarray");
        IntTuple([0]);
        String("b");
        Op(TUPLE3);
        Op(REDUCE);
        Op(MARK);
        Int(1);
        IntTuple(shape);
        NumpyDType(typeName);
        Op(NEWFALSE);
        StringHeader(rawLength);
        writeRaw(stream);
        Op(TUPLE);
        Op(BUILD);
    }

    private void NumpyDType(string typeName)
    {
        Global("numpy", "dtype");
        String(typeName);
        Int(0);
        Int(1);
        Op(TUPLE3);
        Op(REDUCE);
        Op(MARK);
        Int(3);
        String("<");
        Op(NONE);
        Op(NONE);
        Op(NONE);
        Int(-1);
        Int(-1);
        Int(0);
        Op(TUPLE);
        Op(BUILD);
    }
}
