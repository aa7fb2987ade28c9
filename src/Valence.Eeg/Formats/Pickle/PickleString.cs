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

    /// <summary>Text encoded as UTF-8 (BINUNICODE and its kin); refused unless valid.</summary>
    /// <remarks>Python decodes with 'surrogatepass' and so also accepts encoded lone surrogates; those are refused here.</remarks>
    public static PickleString FromUtf8(byte[] bytes) =>
        Utf8.IsValid(bytes) ? new(null, bytes, null) : throw new PickleException("the string is not valid UTF-8");

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
        if (_utf8 is not null) return PickleBlob.InMemory(Utf8ToLatin1(_utf8));
        var bytes = new byte[_text!.Length];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = _text[i] <= 0xFF ? (byte)_text[i] : throw NotLatin1(_text[i], i);
        return PickleBlob.InMemory(bytes);
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

    // Valid UTF-8 (checked on construction) in which every code point is below 256 uses one byte below 0x80 or the
    // two bytes C2/C3 + continuation: decode those directly, without a string in between.
    private static byte[] Utf8ToLatin1(byte[] utf8)
    {
        int twoByte = 0;
        foreach (byte b in utf8) if (b >= 0xC0) twoByte++;
        var latin1 = new byte[utf8.Length - twoByte];
        int o = 0;
        for (int i = 0; i < utf8.Length; i++)
        {
            byte b = utf8[i];
            if (b < 0x80) { latin1[o++] = b; continue; }
            if (b is 0xC2 or 0xC3)
            {
                latin1[o++] = (byte)(((b & 0x1F) << 6) | (utf8[++i] & 0x3F));
                continue;
            }
            var rune = Rune.DecodeFromUtf8(utf8.AsSpan(i), out var rune1, out _) == System.Buffers.OperationStatus.Done ? rune1.Value : b;
            throw new PickleException($"'latin-1' codec can't encode character U+{rune:X4} at position {o}");
        }
        return latin1;
    }

    private static PickleException NotLatin1(char c, int position) =>
        new($"'latin-1' codec can't encode character U+{(int)c:X4} at position {position}");
}
