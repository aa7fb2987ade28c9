using System.Text;
using System.Text.Unicode;

namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// A Python <c>str</c>. Python 2 strings (STRING, BINSTRING, SHORT_BINSTRING) arrive as latin1, as
/// <c>pickle.load(f, encoding='latin1')</c> decodes them: each byte is one code point, which is how DEAP's raw array
/// bytes travel. The text is kept in the form it arrived in and decoded only when asked for, so a 100 MB latin1
/// string is never turned into a .NET string.
/// </summary>
internal sealed class PickleString
{
    private readonly PickleBlob? _latin1;
    private readonly byte[]? _utf8;
    private string? _text;

    private PickleString(PickleBlob? latin1, byte[]? utf8, string? text)
    {
        _latin1 = latin1;
        _utf8 = utf8;
        _text = text;
    }

    /// <summary>Text whose code points are the given bytes (all below 256).</summary>
    public static PickleString FromLatin1(PickleBlob bytes) => new(bytes, null, null);

    /// <summary>
    /// Text encoded as UTF-8 (BINUNICODE and its kin); refused unless valid. Text whose characters are all below
    /// U+0100 (keys, type codes, and the latin1 array bytes Python 3 writes in protocols 0–2) is decoded to latin1
    /// at once; other text stays UTF-8 until used.
    /// </summary>
    /// <remarks>Python decodes with 'surrogatepass' and so also accepts encoded lone surrogates; those are refused here.</remarks>
    public static PickleString FromUtf8(byte[] bytes)
    {
        if (TryUtf8ToLatin1(bytes, out var latin1, out int length)) return new(PickleBlob.InMemory(latin1, length), null, null);
        return Utf8.IsValid(bytes) ? new(null, bytes, null) : throw new PickleException("the string is not valid UTF-8");
    }

    /// <summary>Text already decoded.</summary>
    public static PickleString FromText(string text) => new(null, null, text);

    /// <summary>The text. Decodes on first use; meant for short strings (keys, type codes, byte orders).</summary>
    public string Text => _text ??= _latin1 is not null ? Encoding.Latin1.GetString(_latin1.AsSpan()) : Encoding.UTF8.GetString(_utf8!);

    /// <summary>Whether the text is exactly <paramref name="ascii"/> (ASCII only), without decoding a long string.</summary>
    public bool Is(string ascii)
    {
        if (_text is not null) return _text == ascii;
        if (_latin1 is not null && _latin1.Length != ascii.Length) return false;
        if (_utf8 is not null && _utf8.Length != ascii.Length) return false;
        return Text == ascii;
    }

    /// <summary>
    /// The bytes <c>text.encode('latin1')</c> gives: how numpy turns a Python 2 array string back into bytes and what
    /// <c>_codecs.encode(text, 'latin1')</c> returns. Refused if a character is above U+00FF, as Python refuses it.
    /// </summary>
    public PickleBlob EncodeLatin1()
    {
        if (_latin1 is not null) return _latin1;
        // UTF-8 is kept only for text with a character above U+00FF (FromUtf8), so that case always fails here.
        int wide = Text.AsSpan().IndexOfAnyExceptInRange('\0', '\u00FF');
        if (wide >= 0) throw NotLatin1(Text, wide);
        return PickleBlob.InMemory(Encoding.Latin1.GetBytes(Text));
    }

    /// <summary>The text, shortened and with control characters escaped, for an error message.</summary>
    public string Describe(int maxLength = 60)
    {
        long length = _latin1?.Length ?? _utf8?.Length ?? _text!.Length;
        if (length > 4 * maxLength) return $"a string of {length} bytes";
        var text = Text;
        var shown = new StringBuilder();
        foreach (char c in text.Length > maxLength ? text[..maxLength] : text)
            shown.Append(char.IsControl(c) ? $"\\x{(int)c:x2}" : c);
        return text.Length > maxLength ? shown + "…" : shown.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    /// <summary>
    /// Decodes UTF-8 in which every character is below U+0100, one byte below 0x80 or the pair C2/C3 +
    /// continuation, validating as it goes; false for anything else (other characters, or invalid UTF-8). The loop
    /// has no data-dependent branches: array bytes are random, and a mispredicted branch per byte would dominate.
    /// </summary>
    private static bool TryUtf8ToLatin1(ReadOnlySpan<byte> utf8, out byte[] latin1, out int length)
    {
        latin1 = GC.AllocateUninitializedArray<byte>(utf8.Length);
        int o = 0, previous = 0, previousLead = 0, bad = 0;
        foreach (byte b in utf8)
        {
            int continuation = (b & 0xC0) == 0x80 ? 1 : 0;
            int lead = (b & 0xFE) == 0xC2 ? 1 : 0;
            int ascii = b < 0x80 ? 1 : 0;
            // A continuation byte must follow a lead and a lead must be followed by one; nothing else may appear.
            bad |= (continuation ^ previousLead) | (1 - (ascii | continuation | lead));
            // A continuation completes the character its lead began; a lead itself is overwritten by what follows.
            int value = b + continuation * ((((previous & 0x03) << 6) | (b & 0x3F)) - b);
            latin1[o] = (byte)value;
            o += 1 - lead;
            previous = b;
            previousLead = lead;
        }
        length = o;
        return (bad | previousLead) == 0;
    }

    /// <summary>The error Python gives, naming the character (a whole surrogate pair if it is one) and its position.</summary>
    private static PickleException NotLatin1(string text, int index)
    {
        int codePoint = char.IsSurrogatePair(text, index) ? char.ConvertToUtf32(text, index) : text[index];
        return new($"'latin-1' codec can't encode character U+{codePoint:X4} at position {index}");
    }
}
