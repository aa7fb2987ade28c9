using System.Text;
using System.Text.Json.Nodes;
using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Pickle;
using static Valence.Eeg.Tests.Formats.Pickle.PickleFixtures;

namespace Valence.Eeg.Tests.Formats.Pickle;

public class RestrictedUnpicklerTests
{
    public static TheoryData<string> GeneralFiles => Files("general");

    public static TheoryData<string> DTypeFiles => Files("dtypes");

    public static TheoryData<string> HostileFiles => Files("hostile");

    /// <summary>A pickle written out as latin1 text: each char is one byte (escaped as \u00NN, since C#'s \x takes up to four hex digits).</summary>
    private static byte[] P(string latin1) => Encoding.Latin1.GetBytes(latin1);

    private static object? Load(byte[] pickle, PickleLimits? limits = null) =>
        RestrictedUnpickler.Load(new MemoryStream(pickle), "test.pkl", limits);

    private static EegFormatException Refused(byte[] pickle, PickleLimits? limits = null) =>
        Assert.Throws<EegFormatException>(() => Load(pickle, limits));

    [Theory]
    [MemberData(nameof(GeneralFiles))]
    public void Reads_plain_values_in_every_protocol_as_python_does(string file)
    {
        var keys = Entry("general", file)["keys"]!.AsArray().Select(k => (string)k!).ToHashSet();
        var all = JsonNode.Parse(File.ReadAllText(PathOf("general.json")))!;
        var expected = new JsonObject
        {
            ["t"] = "dict",
            ["items"] = new JsonArray([.. all["items"]!.AsArray().Where(p => keys.Contains((string)p![0]!["v"]!)).Select(p => p!.DeepClone())]),
        };

        var actual = Load(Bytes(file));

        Assert.Null(PickleTyped.Mismatch(expected, actual));
    }

    [Theory]
    [InlineData("shared_p0.dat")]
    [InlineData("shared_p2.dat")]
    [InlineData("shared_p4.dat")]
    public void Memo_references_keep_shared_and_cyclic_values_identical(string file)
    {
        var root = Assert.IsType<PickleDict>(Load(Bytes(file)));
        Assert.True(root.TryGetValue("a", out var a));
        Assert.True(root.TryGetValue("b", out var b));
        Assert.True(root.TryGetValue("cyclic", out var cyclic));

        Assert.Same(a, b);
        var list = Assert.IsType<PickleList>(cyclic);
        Assert.Same(list, list.Items[1]);
    }

    [Theory]
    [MemberData(nameof(DTypeFiles))]
    public void Converts_every_supported_dtype_to_float32(string file)
    {
        var root = Assert.IsType<PickleDict>(Load(Bytes(file)));

        foreach (var entry in Entry("dtypes", file)["arrays"]!.AsArray())
        {
            string key = Text(entry!["key"]);
            var shape = entry["shape"]!.AsArray().Select(d => (long)Int(d)).ToArray();
            Assert.True(root.TryGetValue(key, out var value), key);
            var array = Assert.IsType<NumpyArray>(value);
            Assert.Equal(shape, array.Shape);
            Assert.Equal(key, array.DType.Descriptor);
            var actual = new float[12];
            array.CopyTo(actual);
            Assert.Equal(ExpectedDTypeValues(key, shape, Text(entry["order"])), actual);
        }
    }

    /// <summary>make_pickle.py's <c>dtype_values</c>, laid out in row-major order as numpy's reshape with the given order placed them.</summary>
    private static float[] ExpectedDTypeValues(string dtype, long[] shape, string order)
    {
        char kind = dtype[1];
        int size = dtype[2] - '0';
        var flat = Enumerable.Range(0, 12).Select(i => kind switch
        {
            'f' when size == 2 => (float)(Half)Sample(0, 1, i),
            'f' => (float)Sample(0, 1, i),
            'u' => (i * 37) % 251,
            'b' => i % 3 == 0 ? 1f : 0f,
            _ => (float)(((i * 37) % 201 - 100) * Math.Pow(2, 8 * size - 8)),
        }).ToArray();
        if (order == "C") return flat;
        int rows = (int)shape[0], columns = (int)shape[1];
        return [.. Enumerable.Range(0, 12).Select(i => flat[i / columns + i % columns * rows])];
    }

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public void Hostile_pickles_are_refused_with_the_reason(string file)
    {
        string reason = Text(Entry("hostile", file)["reason"]);

        var e = Assert.Throws<EegFormatException>(() => DeapDatReader.Read(PathOf(file), subject: 1));

        Assert.Equal(PathOf(file), e.Path);
        Assert.Matches(@"^byte \d+", e.Place);
        Assert.Contains(reason, e.Reason);
    }

    [Fact]
    public void A_refused_global_is_named_with_the_byte_offset_of_its_opcode()
    {
        var global = Assert.Throws<EegFormatException>(() => DeapDatReader.Read(PathOf("hostile_global_os_system.dat"), subject: 1));
        var stackGlobal = Assert.Throws<EegFormatException>(() => DeapDatReader.Read(PathOf("hostile_stack_global_os_system.dat"), subject: 1));

        Assert.Equal("byte 0 (GLOBAL)", global.Place);
        Assert.StartsWith("refused global 'os.system'", global.Reason);
        Assert.Equal("byte 14 (STACK_GLOBAL)", stackGlobal.Place);
        Assert.EndsWith("byte 14 (STACK_GLOBAL): " + stackGlobal.Reason, stackGlobal.Message);
    }

    [Theory]
    [InlineData("numpy.core.multiarray", "_reconstruct", "Reconstruct")]
    [InlineData("numpy._core.multiarray", "_reconstruct", "Reconstruct")]
    [InlineData("numpy", "ndarray", "NdArray")]
    [InlineData("numpy", "dtype", "DType")]
    [InlineData("numpy.core.numeric", "_frombuffer", "FromBuffer")]
    [InlineData("numpy._core.numeric", "_frombuffer", "FromBuffer")]
    [InlineData("_codecs", "encode", "CodecsEncode")]
    public void Exactly_numpys_array_globals_are_allowed(string module, string name, string kind)
    {
        Assert.Equal(kind, PickleGlobal.Resolve(module, name).Kind.ToString());
        Assert.Throws<PickleException>(() => PickleGlobal.Resolve(module + " ", name));
        Assert.Throws<PickleException>(() => PickleGlobal.Resolve(module, name.ToUpperInvariant()));
        Assert.Throws<PickleException>(() => PickleGlobal.Resolve(module + "." + name, ""));
    }

    [Fact]
    public void A_refused_name_is_shown_printable_and_short()
    {
        var e = Assert.Throws<PickleException>(() => PickleGlobal.Resolve("os\u0001", new string('x', 500)));

        Assert.Contains("'os\\x01.xxxx", e.Message);
        Assert.Contains("…'", e.Message);
        Assert.True(e.Message.Length < 500);
    }

    [Theory]
    [InlineData("I12\n.", 12L)]
    [InlineData("I-7\n.", -7L)]
    [InlineData("I 42 \n.", 42L)]
    [InlineData("I0x1f\n.", 31L)]
    [InlineData("I0o17\n.", 15L)]
    [InlineData("I0b101\n.", 5L)]
    [InlineData("I1_000\n.", 1000L)]
    [InlineData("I00\n.", false)]
    [InlineData("I01\n.", true)]
    [InlineData("L123L\n.", 123L)]
    [InlineData("L-9223372036854775808L\n.", long.MinValue)]
    [InlineData("L9223372036854775807\n.", long.MaxValue)]
    [InlineData("\u0080\u0002\u008a\u0000.", 0L)]
    [InlineData("\u0080\u0002\u008a\u0001\u00ff.", -1L)]
    [InlineData("\u0080\u0002\u008a\u0002\u0000\u0080.", -32768L)]
    [InlineData("\u0080\u0002\u008a\u0003\u0000\u0080\u0000.", 32768L)]
    [InlineData("\u0080\u0002\u008a\u0009\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff.", -1L)]
    [InlineData("\u0080\u0002\u008a\u0009\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0080\u00ff.", long.MinValue)]
    [InlineData("\u0080\u0002\u008b\u0002\u0000\u0000\u0000\u0001\u0001.", 257L)]
    [InlineData("\u0080\u0002J\u00fe\u00ff\u00ff\u00ff.", -2L)]
    [InlineData("\u0080\u0002M\u00ff\u00ff.", 65535L)]
    [InlineData("F1.5\n.", 1.5)]
    [InlineData("F-1e-3\n.", -0.001)]
    [InlineData("Finf\n.", double.PositiveInfinity)]
    [InlineData("F-Infinity\n.", double.NegativeInfinity)]
    [InlineData("G?\u00f8\u0000\u0000\u0000\u0000\u0000\u0000.", 1.5)]
    public void Number_opcodes_read_as_python_reads_them(string pickle, object expected)
    {
        Assert.Equal(expected, Load(P(pickle)));
    }

    [Fact]
    public void Nan_literal_reads_as_nan()
    {
        Assert.True(double.IsNaN(Assert.IsType<double>(Load(P("Fnan\n.")))));
    }

    [Theory]
    [InlineData("S'abc'\n.", "abc")]
    [InlineData("S\"it's\"\n.", "it's")]
    [InlineData("S'\\x41\\n\\t\\\\\\'\\101\\0'\n.", "A\n\t\\'A\0")]
    [InlineData("S'a\\qb'\n.", "a\\qb")]
    [InlineData("S'\u00e9\u00ff'\n.", "\u00e9\u00ff")]
    [InlineData("Vplain \u00e9\n.", "plain \u00e9")]
    [InlineData("V\\u20ac and \\U0001f600\n.", "\u20ac and \U0001F600")]
    [InlineData("V\\\\u0041\n.", "\\\\u0041")]
    [InlineData("V\\\\\\u0041\n.", "\\\\A")]
    [InlineData("\u0080\u0002U\u0003\u00e9\u0000\u00ff.", "\u00e9\0\u00ff")]
    [InlineData("\u0080\u0002T\u0002\u0000\u0000\u0000hi.", "hi")]
    [InlineData("\u0080\u0002X\u0002\u0000\u0000\u0000\u00c3\u00a9.", "\u00e9")]
    [InlineData("\u0080\u0004\u008c\u0004\u00f0\u009f\u0098\u0080.", "\U0001F600")]
    [InlineData("\u0080\u0004\u008d\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000x.", "x")]
    public void String_opcodes_decode_as_pickle_load_with_latin1_does(string pickle, string expected)
    {
        Assert.Equal(expected, Assert.IsType<PickleString>(Load(P(pickle))).Text);
    }

    [Theory]
    [InlineData("c_codecs\nencode\n(V\u00e9\\u00ff\nVlatin1\ntR.", "e9ff")]
    [InlineData("\u0080\u0002c_codecs\nencode\nX\u0004\u0000\u0000\u0000\u00c3\u00a9\u00c3\u00bfX\u0007\u0000\u0000\u0000latin-1\u0086R.", "e9ff")]
    [InlineData("\u0080\u0002c_codecs\nencode\nU\u0002\u00e9\u00ffU\u0006latin1U\u0006strict\u0087R.", "e9ff")]
    [InlineData("\u0080\u0003C\u0002\u0000\u00ff.", "00ff")]
    [InlineData("\u0080\u0004\u008e\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000z.", "7a")]
    public void Bytes_come_from_binary_opcodes_or_latin1_encoding(string pickle, string hex)
    {
        var bytes = Assert.IsType<PickleBytes>(Load(P(pickle)));
        Assert.False(bytes.IsByteArray);
        Assert.Equal(hex, Convert.ToHexString(bytes.Content.AsSpan()).ToLowerInvariant());
    }

    [Fact]
    public void Containers_and_stack_opcodes_build_what_python_builds()
    {
        // [1, (2, 3), {4: None}, frozenset({5})] via LIST, TUPLE, DICT, FROZENSET; POP, POP_MARK and DUP on the way.
        var value = Load(P("(K\u0001(K\u0002K\u0003t(K\u0004Nd\u0080\u0004(K\u0005\u0091K\u0009020(K\u0006K\u00071l."));
        var list = Assert.IsType<PickleList>(value);
        Assert.Equal(4, list.Count);
        Assert.Equal(1L, list.Items[0]);
        Assert.Equal([2L, 3L], Assert.IsType<PickleTuple>(list.Items[1]).Items);
        var dict = Assert.IsType<PickleDict>(list.Items[2]);
        Assert.Equal(4L, dict.Entries.Single().Key);
        Assert.Null(dict.Entries.Single().Value);
        var set = Assert.IsType<PickleSet>(list.Items[3]);
        Assert.True(set.IsFrozen);
        Assert.Equal([5L], set.Items);
    }

    [Fact]
    public void Reading_stops_at_STOP_and_ignores_what_follows()
    {
        Assert.Equal(1L, Load(P("\u0080\u0002K\u0001.garbage")));
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("\u0080\u0002K\u0001", "without a STOP")]
    [InlineData("\u0080\u0002\u00ff.", "unknown opcode 0xFF")]
    [InlineData("\u0080\u0006N.", "unsupported pickle protocol 6")]
    [InlineData("\u0080\u0002.", "stack underflow")]
    [InlineData("\u0080\u0002(a.", "stack underflow")]
    [InlineData("\u0080\u00020.", "no MARK")]
    [InlineData("\u0080\u0002t.", "no MARK")]
    [InlineData("\u0080\u0002h\u0005.", "memo value not found at index 5")]
    [InlineData("g7\n.", "memo value not found at index 7")]
    [InlineData("Np-1\n.", "negative PUT")]
    [InlineData("\u0080\u0002(K\u0001d.", "DICT needs key/value pairs but has 1 items")]
    [InlineData("\u0080\u0002]K\u0001K\u0002s.", "SETITEM needs a dict")]
    [InlineData("\u0080\u0002)K\u0001a.", "APPEND needs a list")]
    [InlineData("\u0080\u0004(\u0091(K\u0001\u0090.", "frozenset")]
    [InlineData("\u0080\u0002}]K\u0001s.", "unhashable type: 'list'")]
    [InlineData("\u0080\u0004K\u0001K\u0002\u0093.", "STACK_GLOBAL requires str")]
    [InlineData("\u0080\u0002K\u0001)R.", "REDUCE can only call an allowed global")]
    [InlineData("\u0080\u0002cnumpy\ndtype\nK\u0001R.", "arguments must be a tuple")]
    [InlineData("\u0080\u0002}}b.", "BUILD on a dict is refused")]
    [InlineData("\u0080\u0002cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\nK\u0005\u0085U\u0001b\u0087R.", "uninitialised")]
    [InlineData("\u0080\u0002cnumpy.core.multiarray\n_reconstruct\ncnumpy\ndtype\nK\u0000\u0085U\u0001b\u0087R.", "_reconstruct(numpy.ndarray")]
    [InlineData("\u0080\u0002cnumpy\ndtype\nU\u0003c16\u0085R.", "dtype 'c16' is not supported")]
    [InlineData("\u0080\u0002cnumpy\ndtype\nU\u0001O\u0085R.", "dtype 'O' is not supported")]
    [InlineData("\u0080\u0002cnumpy\ndtype\nU\u0002S5\u0085R.", "dtype 'S5' is not supported")]
    [InlineData("\u0080\u0002cnumpy\ndtype\nU\u0002f8\u0085R(K\u0003U\u0001|NNNJ\u00ff\u00ff\u00ff\u00ffJ\u00ff\u00ff\u00ff\u00ffK\u0000tb.", "byte order '|'")]
    [InlineData("\u0080\u0002cnumpy\ndtype\nU\u0002f8\u0085R(K\u0003U\u0001<]NNJ\u00ff\u00ff\u00ff\u00ffJ\u00ff\u00ff\u00ff\u00ffK\u0000tb.", "structured")]
    [InlineData("\u0080\u0002cnumpy\ndtype\nU\u0002f8\u0085R(K\u0002U\u0001<NNNJ\u00ff\u00ff\u00ff\u00ffJ\u00ff\u00ff\u00ff\u00ffK\u0000tb.", "a dtype's state")]
    [InlineData("\u0080\u0002cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\nK\u0000\u0085U\u0001b\u0087R(K\u0001K\u0002\u0085cnumpy\ndtype\nU\u0002f8\u0085R\u0089U\u0003abctb.", "has 3 bytes; shape (2,) of <f8 needs 16")]
    [InlineData("\u0080\u0002cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\nK\u0000\u0085U\u0001b\u0087R(K\u0001K\u0001\u0085cnumpy\ndtype\nU\u0002f8\u0085R\u0089]tb.", "object arrays")]
    [InlineData("\u0080\u0005cnumpy.core.numeric\n_frombuffer\n(C\u0001xcnumpy\ndtype\nU\u0002u1\u0085RK\u0001\u0085U\u0001KtR.", "order must be 'C' or 'F'")]
    [InlineData("\u0080\u0005cnumpy.core.numeric\n_frombuffer\n(C\u0003xyzcnumpy\ndtype\nU\u0002u2\u0085RK\u0001\u0085U\u0001CtR.", "has 3 bytes")]
    [InlineData("\u0080\u0002c_codecs\nencode\nX\u0003\u0000\u0000\u0000\u00e2\u0098\u0083U\u0006latin1\u0086R.", "can't encode character U+2603")]
    [InlineData("\u0080\u0002c_codecs\nencode\nX\u0001\u0000\u0000\u0000aU\u0006latin1U\u0007replace\u0087R.", "'strict'")]
    [InlineData("\u0080\u0002X\u0002\u0000\u0000\u0000\u00c3(.", "not valid UTF-8")]
    [InlineData("V\\u12\n.", "truncated \\u escape")]
    [InlineData("S'abc\n.", "must be quoted")]
    [InlineData("S'a\\x4'\n.", "invalid \\x escape")]
    [InlineData("I007\n.", "invalid literal for int()")]
    [InlineData("I12x\n.", "invalid literal for int()")]
    [InlineData("I99999999999999999999\n.", "does not fit in 64 bits")]
    [InlineData("Fone\n.", "could not convert string to float")]
    [InlineData("\u0080\u0002\u008a\u0009\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0080\u0000.", "does not fit in 64 bits")]
    [InlineData("\u0080\u0002\u008b\u00ff\u00ff\u00ff\u00ff.", "negative byte count")]
    [InlineData("\u0080\u0002T\u00fe\u00ff\u00ff\u00ff.", "negative byte count")]
    [InlineData("\u0080\u0002K", "the file ends")]
    [InlineData("\u0080\u0002J\u0001\u0002.", "the file ends")]
    [InlineData("\u0080\u0002X\u0005\u0000\u0000\u0000abc.", "claims 5 bytes but only 4 remain")]
    [InlineData("\u0080\u0004\u0095\u0010\u0000\u0000\u0000\u0000\u0000\u0000\u0000N.", "FRAME claims 16 bytes but only 2 remain")]
    [InlineData("Vabc", "newline")]
    public void Malformed_pickles_are_refused_with_the_reason(string pickle, string reason)
    {
        var e = Refused(P(pickle));

        Assert.Equal("test.pkl", e.Path);
        Assert.Matches(@"^byte \d+", e.Place);
        Assert.Contains(reason, e.Reason);
    }

    [Fact]
    public void The_memo_is_bounded()
    {
        var pickle = P("\u0080\u0002N" + string.Concat(Enumerable.Range(0, 20).Select(i => $"q{(char)i}")) + ".");

        Assert.Null(Load(pickle, new PickleLimits { MaxMemoEntries = 20 }));
        Assert.Contains("more than 19 memo entries", Refused(pickle, new PickleLimits { MaxMemoEntries = 19 }).Reason);
    }

    [Fact]
    public void The_stack_is_bounded()
    {
        var pickle = P("\u0080\u0002(" + new string('N', 30) + "l.");

        Assert.Equal(30, Assert.IsType<PickleList>(Load(pickle, new PickleLimits { MaxStackDepth = 30 })).Count);
        Assert.Contains("more than 29 values on the stack", Refused(pickle, new PickleLimits { MaxStackDepth = 29 }).Reason);
    }

    [Fact]
    public void The_items_of_all_containers_together_are_bounded()
    {
        // One list appended to itself over and over: every APPEND adds an item.
        var pickle = P("\u0080\u0002]" + string.Concat(Enumerable.Repeat("2a", 10)) + ".");

        Assert.Equal(10, Assert.IsType<PickleList>(Load(pickle, new PickleLimits { MaxContainerItems = 10, MaxNesting = 20 })).Count);
        Assert.Contains("more than 9 items in all", Refused(pickle, new PickleLimits { MaxContainerItems = 9, MaxNesting = 20 }).Reason);
    }

    [Theory]
    [InlineData(5, "MARKs are nested more than 4 deep", "(((((ttttt.")]
    [InlineData(5, "containers are nested more than 4 deep", "N\u0085\u0085\u0085\u0085\u0085.")]
    [InlineData(5, "containers are nested more than 4 deep", "]]]]]aaaa.")]
    [InlineData(5, "containers are nested more than 4 deep", "}K\u0001}K\u0001}K\u0001}K\u0001}ssss.")]
    public void Nesting_is_bounded(int depth, string reason, string pickle)
    {
        Assert.NotNull(Load(P("\u0080\u0002" + pickle), new PickleLimits { MaxNesting = depth }));
        Assert.Contains(reason, Refused(P("\u0080\u0002" + pickle), new PickleLimits { MaxNesting = depth - 1 }).Reason);
    }

    [Fact]
    public void Dict_keys_compare_as_in_python()
    {
        // {1: 'a', 1.0: 'b', True: 'c', (1, 'x'): 'd', (1.0, 'x'): 'e'} is {1: 'c', (1, 'x'): 'e'} in Python.
        var dict = Assert.IsType<PickleDict>(Load(P("\u0080\u0002}(K\u0001U\u0001aG?\u00f0\u0000\u0000\u0000\u0000\u0000\u0000U\u0001b\u0088U\u0001cK\u0001U\u0001x\u0086U\u0001dG?\u00f0\u0000\u0000\u0000\u0000\u0000\u0000U\u0001x\u0086U\u0001eu.")));

        Assert.Equal(2, dict.Count);
        Assert.Equal(1L, dict.Entries[0].Key);
        Assert.Equal("c", Assert.IsType<PickleString>(dict.Entries[0].Value).Text);
        Assert.Equal("e", Assert.IsType<PickleString>(dict.Entries[1].Value).Text);
    }
}
