using System.Text;
using System.Text.Unicode;
using static Valence.Eeg.Formats.Pickle.PickleOpcode;

namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// A pickle reader of our own that understands every opcode of protocols 0–5 but can only build plain values
/// (None, bools, ints, floats, str, bytes, tuples, lists, dicts, sets) and numpy arrays: the only globals it accepts
/// are numpy's array-reconstruction functions and <c>_codecs.encode</c> with latin1 (see <see cref="PickleGlobal"/>),
/// and REDUCE and BUILD are carried out by our own code for those alone. Opcodes that instantiate classes (INST, OBJ,
/// NEWOBJ, NEWOBJ_EX), persistent ids, extension codes and out-of-band buffers are refused. Python 2 strings are
/// decoded as latin1, as <c>pickle.load(f, encoding='latin1')</c> does.
/// </summary>
/// <remarks>
/// Every length is checked against the bytes left in the file before anything is allocated; the memo, the stack,
/// MARK nesting, container nesting and the total number of container items are bounded by <see cref="PickleLimits"/>.
/// Any problem becomes an <see cref="EegFormatException"/> naming the file, the opcode's byte offset and the reason.
/// As <c>pickle.load</c> does, reading stops at STOP and ignores anything after it.
/// </remarks>
internal sealed class RestrictedUnpickler
{
    private const int HighestProtocol = 5;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly PickleInput _input;
    private readonly string _path;
    private readonly PickleLimits _limits;
    private readonly List<object?> _stack = [];
    private readonly List<int> _marks = [];
    private readonly Dictionary<long, object?> _memo = [];
    private long _containerItems;

    private RestrictedUnpickler(Stream stream, string path, PickleLimits limits)
    {
        _input = new PickleInput(stream);
        _path = path;
        _limits = limits;
    }

    /// <summary>
    /// Reads one pickle from <paramref name="stream"/> (readable and seekable), which must stay open while the
    /// result is used: large byte strings are read from it only when used.
    /// </summary>
    /// <param name="path">The file name used in error messages.</param>
    /// <exception cref="EegFormatException">The pickle is malformed, truncated, or names anything not allowed.</exception>
    public static object? Load(Stream stream, string path, PickleLimits? limits = null) =>
        new RestrictedUnpickler(stream, path, limits ?? PickleLimits.Default).Run();

    private int Fence => _marks.Count == 0 ? 0 : _marks[^1];

    private int MaxNesting => _limits.MaxNesting;

    private object? Run()
    {
        long offset = _input.Position;
        string place = $"byte {offset}";
        try
        {
            while (true)
            {
                offset = _input.Position;
                place = $"byte {offset}";
                if (_input.AtEnd) throw new PickleException(offset == 0 ? "the file is empty" : "the pickle ends without a STOP opcode");
                var opcode = (PickleOpcode)_input.ReadByte();
                if (!Enum.IsDefined(opcode)) throw new PickleException($"unknown opcode 0x{(byte)opcode:X2}");
                place = $"byte {offset} ({opcode})";
                if (opcode == STOP) return Pop();
                Execute(opcode);
            }
        }
        catch (PickleException e)
        {
            throw new EegFormatException(_path, place, e.Message);
        }
    }

    private void Execute(PickleOpcode opcode)
    {
        switch (opcode)
        {
            case PROTO:
                int protocol = _input.ReadByte();
                if (protocol > HighestProtocol) throw new PickleException($"unsupported pickle protocol {protocol}");
                break;
            case FRAME:
                _input.RequireAvailable(_input.ReadUInt64(), "FRAME");
                break;
            case MARK:
                if (_marks.Count >= MaxNesting) throw new PickleException($"MARKs are nested more than {MaxNesting} deep");
                _marks.Add(_stack.Count);
                break;
            case POP:
                if (_stack.Count > Fence) _stack.RemoveAt(_stack.Count - 1);
                else PopMark();
                break;
            case POP_MARK: PopMark(); break;
            case DUP: Push(Peek()); break;

            case NONE: Push(null); break;
            case NEWTRUE: Push(true); break;
            case NEWFALSE: Push(false); break;
            case INT: Push(ReadIntLine()); break;
            case BININT: Push((long)_input.ReadInt32()); break;
            case BININT1: Push((long)_input.ReadByte()); break;
            case BININT2: Push((long)_input.ReadUInt16()); break;
            case LONG: Push(PickleText.ParseInt(TrimLongSuffix(_input.ReadLine("LONG's argument")))); break;
            case LONG1: Push(ReadLong(_input.ReadByte(), "LONG1")); break;
            case LONG4: Push(ReadLong(NonNegative(_input.ReadInt32(), "LONG4"), "LONG4")); break;
            case FLOAT: Push(PickleText.ParseFloat(_input.ReadLine("FLOAT's argument"))); break;
            case BINFLOAT: Push(_input.ReadDoubleBigEndian()); break;

            case STRING:
                Push(PickleString.FromLatin1(PickleBlob.InMemory(PickleText.DecodeQuotedString(_input.ReadLine("STRING's argument")))));
                break;
            case BINSTRING: Push(Latin1String((ulong)NonNegative(_input.ReadInt32(), "BINSTRING"), "BINSTRING")); break;
            case SHORT_BINSTRING: Push(Latin1String(_input.ReadByte(), "SHORT_BINSTRING")); break;
            case UNICODE: Push(PickleText.DecodeRawUnicodeEscape(_input.ReadLine("UNICODE's argument"))); break;
            case BINUNICODE: Push(Utf8String(_input.ReadUInt32(), "BINUNICODE")); break;
            case BINUNICODE8: Push(Utf8String(_input.ReadUInt64(), "BINUNICODE8")); break;
            case SHORT_BINUNICODE: Push(Utf8String(_input.ReadByte(), "SHORT_BINUNICODE")); break;
            case BINBYTES: Push(Bytes(_input.ReadUInt32(), "BINBYTES", isByteArray: false)); break;
            case SHORT_BINBYTES: Push(Bytes(_input.ReadByte(), "SHORT_BINBYTES", isByteArray: false)); break;
            case BINBYTES8: Push(Bytes(_input.ReadUInt64(), "BINBYTES8", isByteArray: false)); break;
            case BYTEARRAY8: Push(Bytes(_input.ReadUInt64(), "BYTEARRAY8", isByteArray: true)); break;
            case NEXT_BUFFER or READONLY_BUFFER:
                throw new PickleException($"{opcode} refers to an out-of-band buffer; only in-band pickles are read");

            case EMPTY_TUPLE: Push(new PickleTuple([], MaxNesting)); break;
            case TUPLE: Push(Tuple(PopMark())); break;
            case TUPLE1: Push(Tuple(PopMany(1))); break;
            case TUPLE2: Push(Tuple(PopMany(2))); break;
            case TUPLE3: Push(Tuple(PopMany(3))); break;
            case EMPTY_LIST: Push(new PickleList(MaxNesting)); break;
            case LIST:
                var list = new PickleList(MaxNesting);
                AddAll(list, PopMark());
                Push(list);
                break;
            case APPEND:
                var appended = Pop();
                AddAll(PeekTarget<PickleList>("a list", opcode), [appended]);
                break;
            case APPENDS:
                var appendedItems = PopMark();
                AddAll(PeekTarget<PickleList>("a list", opcode), appendedItems);
                break;
            case EMPTY_DICT: Push(new PickleDict(MaxNesting)); break;
            case DICT:
                var dict = new PickleDict(MaxNesting);
                SetAll(dict, PopMark(), opcode);
                Push(dict);
                break;
            case SETITEM:
                var pair = PopMany(2);
                SetAll(PeekTarget<PickleDict>("a dict", opcode), pair, opcode);
                break;
            case SETITEMS:
                var pairs = PopMark();
                SetAll(PeekTarget<PickleDict>("a dict", opcode), pairs, opcode);
                break;
            case EMPTY_SET: Push(new PickleSet(isFrozen: false, MaxNesting)); break;
            case ADDITEMS:
                var added = PopMark();
                AddAll(PeekTarget<PickleSet>("a set", opcode) is { IsFrozen: false } set ? set : throw new PickleException("ADDITEMS cannot add to a frozenset"), added);
                break;
            case FROZENSET:
                var frozen = new PickleSet(isFrozen: true, MaxNesting);
                AddAll(frozen, PopMark());
                Push(frozen);
                break;

            case GET: Push(MemoGet(PickleText.ParseInt(_input.ReadLine("GET's argument")))); break;
            case BINGET: Push(MemoGet(_input.ReadByte())); break;
            case LONG_BINGET: Push(MemoGet(_input.ReadUInt32())); break;
            case PUT:
                long index = PickleText.ParseInt(_input.ReadLine("PUT's argument"));
                MemoPut(index >= 0 ? index : throw new PickleException("negative PUT argument"));
                break;
            case BINPUT: MemoPut(_input.ReadByte()); break;
            case LONG_BINPUT: MemoPut(_input.ReadUInt32()); break;
            case MEMOIZE: MemoPut(_memo.Count); break;

            case GLOBAL:
                string module = ReadUtf8Line("GLOBAL's module");
                Push(PickleGlobal.Resolve(module, ReadUtf8Line("GLOBAL's name")));
                break;
            case STACK_GLOBAL:
                var names = PopMany(2);
                if (names[0] is not PickleString moduleName || names[1] is not PickleString globalName)
                    throw new PickleException("STACK_GLOBAL requires str");
                Push(PickleGlobal.Resolve(moduleName.Describe(), globalName.Describe()));
                break;
            case REDUCE:
                var args = Pop();
                if (Peek() is not PickleGlobal callable)
                    throw new PickleException($"REDUCE can only call an allowed global, not a {PickleValue.TypeName(Peek())}");
                if (args is not PickleTuple arguments)
                    throw new PickleException($"REDUCE's arguments must be a tuple, not {PickleValue.TypeName(args)}");
                _stack[^1] = PickleCalls.Call(callable, arguments);
                break;
            case BUILD:
                var state = Pop();
                switch (Peek())
                {
                    case NumpyArray array: array.SetState(state); break;
                    case NumpyDType dtype: dtype.SetState(state); break;
                    case var other: throw new PickleException($"BUILD on a {PickleValue.TypeName(other)} is refused: only numpy arrays and dtypes take a state");
                }
                break;

            case INST or OBJ or NEWOBJ or NEWOBJ_EX:
                throw new PickleException($"{opcode} instantiates a class and is refused");
            case PERSID or BINPERSID:
                throw new PickleException($"{opcode} refers to a persistent id, which is not supported");
            case EXT1 or EXT2 or EXT4:
                throw new PickleException($"{opcode} names a global through the copyreg extension registry and is refused");
            default:
                throw new PickleException($"unknown opcode 0x{(byte)opcode:X2}");
        }
    }

    private void Push(object? value)
    {
        if (_stack.Count >= _limits.MaxStackDepth)
            throw new PickleException($"more than {_limits.MaxStackDepth} values on the stack");
        _stack.Add(value);
    }

    private object? Peek()
    {
        if (_stack.Count <= Fence) throw Underflow();
        return _stack[^1];
    }

    private object? Pop()
    {
        var value = Peek();
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private object?[] PopMany(int count)
    {
        if (_stack.Count - Fence < count) throw Underflow();
        var items = _stack.GetRange(_stack.Count - count, count).ToArray();
        _stack.RemoveRange(_stack.Count - count, count);
        return items;
    }

    private object?[] PopMark()
    {
        if (_marks.Count == 0) throw new PickleException("there is no MARK to pop back to");
        int start = _marks[^1];
        _marks.RemoveAt(_marks.Count - 1);
        var items = _stack.GetRange(start, _stack.Count - start).ToArray();
        _stack.RemoveRange(start, _stack.Count - start);
        return items;
    }

    private static PickleException Underflow() => new("unpickling stack underflow: no value above the last MARK");

    private T PeekTarget<T>(string what, PickleOpcode opcode) where T : class =>
        Peek() as T ?? throw new PickleException($"{opcode} needs {what} below its items, not a {PickleValue.TypeName(Peek())}");

    private PickleTuple Tuple(object?[] items)
    {
        CountItems(items.Length);
        return new PickleTuple(items, MaxNesting);
    }

    private void AddAll(PickleList list, object?[] items)
    {
        CountItems(items.Length);
        foreach (var item in items) list.Add(item);
    }

    private void AddAll(PickleSet set, object?[] items)
    {
        CountItems(items.Length);
        foreach (var item in items) set.Add(item);
    }

    private void SetAll(PickleDict dict, object?[] items, PickleOpcode opcode)
    {
        if (items.Length % 2 != 0) throw new PickleException($"{opcode} needs key/value pairs but has {items.Length} items");
        CountItems(items.Length);
        for (int i = 0; i < items.Length; i += 2) dict.Set(items[i], items[i + 1]);
    }

    private void CountItems(int count)
    {
        _containerItems += count;
        if (_containerItems > _limits.MaxContainerItems)
            throw new PickleException($"the containers hold more than {_limits.MaxContainerItems} items in all");
    }

    private object? MemoGet(long index) =>
        _memo.TryGetValue(index, out var value) ? value : throw new PickleException($"memo value not found at index {index}");

    private void MemoPut(long index)
    {
        var value = Peek();
        if (_memo.Count >= _limits.MaxMemoEntries && !_memo.ContainsKey(index))
            throw new PickleException($"more than {_limits.MaxMemoEntries} memo entries");
        _memo[index] = value;
    }

    private object ReadIntLine()
    {
        var line = _input.ReadLine("INT's argument");
        if (line.AsSpan().SequenceEqual("00"u8)) return false;
        if (line.AsSpan().SequenceEqual("01"u8)) return true;
        return PickleText.ParseInt(line);
    }

    private static byte[] TrimLongSuffix(byte[] line) => line.Length > 0 && line[^1] == 'L' ? line[..^1] : line;

    private static int NonNegative(int length, string what) =>
        length >= 0 ? length : throw new PickleException($"{what} has a negative byte count ({length})");

    /// <summary>LONG1/LONG4: a little-endian two's-complement integer, which must fit in 64 bits.</summary>
    private long ReadLong(int length, string what)
    {
        _input.RequireAvailable((ulong)length, what);
        const int longest = 64;
        if (length > longest)
            throw new PickleException($"{what} of {length} bytes is beyond a 64-bit integer, the largest this reader takes");
        var bytes = _input.ReadBytes((ulong)length, what);
        int used = bytes.Length;
        // Drop high bytes that only repeat the sign.
        while (used > 8 && (bytes[used - 1] == 0x00 && bytes[used - 2] < 0x80 || bytes[used - 1] == 0xFF && bytes[used - 2] >= 0x80)) used--;
        if (used > 8) throw new PickleException($"the {what} integer of {length} bytes does not fit in 64 bits");
        long value = used > 0 && bytes[used - 1] >= 0x80 ? -1 : 0;
        for (int i = used - 1; i >= 0; i--) value = (value << 8) | bytes[i];
        return value;
    }

    private PickleString Latin1String(ulong length, string what) => PickleString.FromLatin1(_input.ReadBlob(length, _limits.DeferredPayloadBytes, what));

    private PickleString Utf8String(ulong length, string what) => PickleString.FromUtf8(_input.ReadBytes(length, what));

    private PickleBytes Bytes(ulong length, string what, bool isByteArray) =>
        new(_input.ReadBlob(length, _limits.DeferredPayloadBytes, what), isByteArray);

    private string ReadUtf8Line(string what)
    {
        var line = _input.ReadLine(what);
        if (!Utf8.IsValid(line)) throw new PickleException($"{what} is not valid UTF-8");
        return StrictUtf8.GetString(line);
    }
}
