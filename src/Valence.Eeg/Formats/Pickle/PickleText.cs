using System.Globalization;
using System.Text;

namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// The text arguments of protocol 0's opcodes, decoded as Python decodes them: STRING's quoted
/// <c>codecs.escape_decode</c> literal, UNICODE's <c>raw-unicode-escape</c>, and the <c>int(text, 0)</c> and
/// <c>float(text)</c> literals of INT, LONG, FLOAT, GET and PUT.
/// </summary>
internal static class PickleText
{
    private static readonly char[] PythonWhitespace = [' ', '\t', '\n', '\r', '\v', '\f'];

    /// <summary>STRING's argument: a quoted Python 2 string literal, returned as its bytes.</summary>
    public static byte[] DecodeQuotedString(ReadOnlySpan<byte> line)
    {
        if (line.Length < 2 || line[0] != line[^1] || line[0] is not ((byte)'\'' or (byte)'"'))
            throw new PickleException("the STRING opcode argument must be quoted");
        return EscapeDecode(line[1..^1]);
    }

    /// <summary>Python's <c>codecs.escape_decode</c>: backslash escapes of a bytes literal.</summary>
    public static byte[] EscapeDecode(ReadOnlySpan<byte> text)
    {
        // Every escape is longer than the byte it stands for, so the text's length is enough.
        var output = new byte[text.Length];
        int o = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int plain = text[i..].IndexOf((byte)'\\');
            if (plain < 0) plain = text.Length - i;
            text.Slice(i, plain).CopyTo(output.AsSpan(o));
            o += plain;
            i += plain;
            if (i == text.Length) break;
            if (++i == text.Length) throw new PickleException("Trailing \\ in string");
            byte c = text[i];
            switch (c)
            {
                case (byte)'\n': break;
                case (byte)'\\' or (byte)'\'' or (byte)'"': output[o++] = c; break;
                case (byte)'a': output[o++] = 7; break;
                case (byte)'b': output[o++] = 8; break;
                case (byte)'t': output[o++] = 9; break;
                case (byte)'n': output[o++] = 10; break;
                case (byte)'v': output[o++] = 11; break;
                case (byte)'f': output[o++] = 12; break;
                case (byte)'r': output[o++] = 13; break;
                case >= (byte)'0' and <= (byte)'7':
                    int value = c - '0';
                    for (int digits = 1; digits < 3 && i + 1 < text.Length && text[i + 1] is >= (byte)'0' and <= (byte)'7'; digits++)
                        value = value * 8 + (text[++i] - '0');
                    output[o++] = (byte)value;
                    break;
                case (byte)'x':
                    if (!IsHex(text, i + 1, 2)) throw new PickleException($"invalid \\x escape at position {i - 1}");
                    output[o++] = (byte)HexValue(text, i + 1, 2);
                    i += 2;
                    break;
                default:
                    output[o++] = (byte)'\\';
                    output[o++] = c;
                    break;
            }
        }
        return output[..o];
    }

    /// <summary>
    /// Python's <c>raw-unicode-escape</c> decoding (UNICODE's argument): bytes are code points, except that an odd
    /// run of backslashes followed by <c>u</c> + 4 or <c>U</c> + 8 hex digits is a character escape.
    /// Text whose code points are all below 256 stays as latin1 bytes.
    /// </summary>
    public static PickleString DecodeRawUnicodeEscape(ReadOnlySpan<byte> text)
    {
        // Each escape is longer than the one or two UTF-16 units it decodes to, so the text's length is enough.
        var chars = new char[text.Length];
        int o = 0;
        for (int i = 0; i < text.Length;)
        {
            int plain = text[i..].IndexOf((byte)'\\');
            if (plain < 0) plain = text.Length - i;
            o += Encoding.Latin1.GetChars(text.Slice(i, plain), chars.AsSpan(o));
            i += plain;
            int run = 0;
            while (i < text.Length && text[i] == '\\') { chars[o++] = '\\'; run++; i++; }
            if (run % 2 == 0 || i == text.Length || text[i] is not ((byte)'u' or (byte)'U')) continue;
            int digits = text[i] == 'u' ? 4 : 8;
            if (!IsHex(text, i + 1, digits))
                throw new PickleException($"truncated \\{(char)text[i]} escape at position {i - 1}");
            long value = HexValue(text, i + 1, digits);
            if (value > 0x10FFFF) throw new PickleException($"\\U{value:x8} is out of the Unicode range");
            o--;
            if (value < 0x10000 || value is >= 0xD800 and <= 0xDFFF) chars[o++] = (char)value;
            else o += new Rune((int)value).EncodeToUtf16(chars.AsSpan(o));
            i += 1 + digits;
        }
        var decoded = chars.AsSpan(0, o);
        if (decoded.ContainsAnyExceptInRange('\0', '\u00FF')) return PickleString.FromText(new string(decoded));
        var latin1 = new byte[o];
        Encoding.Latin1.GetBytes(decoded, latin1);
        return PickleString.FromLatin1(PickleBlob.InMemory(latin1));
    }

    /// <summary>Python's <c>int(text, 0)</c>, limited to 64 bits: sign, then decimal or 0x/0o/0b digits, underscores between digits.</summary>
    public static long ParseInt(ReadOnlySpan<byte> line)
    {
        var text = Encoding.Latin1.GetString(line).Trim(PythonWhitespace);
        bool negative = text.StartsWith('-');
        var body = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        int radix = 10;
        if (body.Length > 1 && body[0] == '0' && char.ToLowerInvariant(body[1]) is 'x' or 'o' or 'b')
        {
            radix = char.ToLowerInvariant(body[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            body = body[2..].StartsWith('_') ? body[3..] : body[2..];
        }
        if (body.Length == 0 || body.StartsWith('_') || body.EndsWith('_') || body.Contains("__"))
            throw InvalidInt(text);
        var digits = body.Replace("_", "");
        if (radix == 10 && digits.Length > 1 && digits[0] == '0' && digits.Any(d => d != '0'))
            throw InvalidInt(text);
        UInt128 magnitude = 0;
        foreach (char d in digits)
        {
            int value = char.IsAsciiDigit(d) ? d - '0' : char.IsAsciiLetter(d) ? char.ToLowerInvariant(d) - 'a' + 10 : 99;
            if (value >= radix) throw InvalidInt(text);
            magnitude = magnitude * (uint)radix + (uint)value;
            if (magnitude > (UInt128)long.MaxValue + 1)
                throw new PickleException($"the integer {Shorten(text)} does not fit in 64 bits");
        }
        if (!negative && magnitude > long.MaxValue)
            throw new PickleException($"the integer {Shorten(text)} does not fit in 64 bits");
        return !negative ? (long)magnitude : magnitude > long.MaxValue ? long.MinValue : -(long)magnitude;
    }

    /// <summary>Python's <c>float(text)</c> for what a pickle writes: decimal and exponent forms, inf, infinity and nan.</summary>
    public static double ParseFloat(ReadOnlySpan<byte> line)
    {
        var text = Encoding.Latin1.GetString(line).Trim(PythonWhitespace);
        var lower = text.ToLowerInvariant();
        bool negative = lower.StartsWith('-');
        var unsigned = lower.Length > 0 && lower[0] is '+' or '-' ? lower[1..] : lower;
        if (unsigned is "inf" or "infinity") return negative ? double.NegativeInfinity : double.PositiveInfinity;
        if (unsigned == "nan") return double.NaN;
        // Digits, a point and an exponent only: .NET would also take words such as "Infinity" in other spellings.
        if (unsigned.Length > 0 && unsigned.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or '+' or '-')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            return value;
        throw new PickleException($"could not convert string to float: '{Shorten(text)}'");
    }

    private static bool IsHex(ReadOnlySpan<byte> text, int start, int count) =>
        start + count <= text.Length && !text.Slice(start, count).ContainsAnyExcept("0123456789abcdefABCDEF"u8);

    private static long HexValue(ReadOnlySpan<byte> text, int start, int count)
    {
        long value = 0;
        foreach (byte b in text.Slice(start, count))
            value = value * 16 + (b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10);
        return value;
    }

    private static PickleException InvalidInt(string text) => new($"invalid literal for int() with base 0: '{Shorten(text)}'");

    private static string Shorten(string text)
    {
        var shown = new string(text.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > 40 ? shown + "…" : shown;
    }
}
