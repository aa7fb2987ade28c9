using System.Globalization;
using System.Text;

namespace Valence.Eeg.Formats.Edf;

/// <summary>
/// Parses the time-stamped annotation lists (TALs) in one data record's bytes of an EDF+/BDF+ annotation signal.
/// </summary>
/// <remarks>
/// A TAL is <c>±onset[0x15 duration] 0x14 text 0x14 text 0x14 … 0x00</c>: an onset with a mandatory sign, an optional
/// unsigned duration, then zero or more texts each closed by 0x14, and the whole closed by 0x00. TALs follow each
/// other; the rest of the record's bytes are zero. The first TAL of the first annotation signal in each record keeps
/// time: its first text is empty and its onset is the record's start. A TAL never crosses into the next record.
/// </remarks>
internal static class EdfAnnotationParser
{
    private const byte EndOfTal = 0x00, EndOfText = 0x14, DurationMark = 0x15;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses <paramref name="bytes"/> and appends the annotations to <paramref name="into"/>.</summary>
    /// <param name="keepsTime">True for the first annotation signal: its first TAL must be the record's time-keeping one.</param>
    /// <param name="byteOffset">Where <paramref name="bytes"/> start in the file, for error messages.</param>
    /// <returns>The record's start from the time-keeping TAL, or null when <paramref name="keepsTime"/> is false.</returns>
    public static double? ParseRecord(ReadOnlySpan<byte> bytes, bool keepsTime, List<EdfAnnotation> into, string path,
        string place, long byteOffset)
    {
        double? recordStart = null;
        int position = 0;
        while (position < bytes.Length && bytes[position] != EndOfTal)
        {
            var tal = new TalReader(bytes, position, path, place, byteOffset);
            (double onset, double? duration) = tal.ReadOnsetAndDuration();
            bool timeKeeping = keepsTime && recordStart is null;
            bool firstText = true;
            while (!tal.AtEndOfTal())
            {
                string text = tal.ReadText();
                if (timeKeeping && firstText)
                {
                    if (text.Length != 0)
                        throw tal.Error(position, $"the record's first annotation must be the empty time-keeping one, but it reads '{text}'.");
                    recordStart = onset;
                }
                else if (text.Length != 0)
                    into.Add(new EdfAnnotation(onset, duration, text));
                firstText = false;
            }
            if (timeKeeping && recordStart is null)
                throw tal.Error(position, "the record's first TAL has no texts, so it cannot be the empty time-keeping annotation.");
            position = tal.Position + 1;
        }

        int stray = position < bytes.Length ? bytes[position..].IndexOfAnyExcept(EndOfTal) : -1;
        if (stray >= 0)
            throw new EegFormatException(path, $"{place}, byte {byteOffset + position + stray}",
                "non-zero bytes follow the end of the annotations; the rest of an annotation record must be zero.");
        if (keepsTime && recordStart is null)
            throw new EegFormatException(path, $"{place}, byte {byteOffset}",
                "the record has no time-keeping annotation (an empty first annotation whose onset is the record's start).");
        return recordStart;
    }

    /// <summary>Walks one TAL, checking each part.</summary>
    private ref struct TalReader(ReadOnlySpan<byte> bytes, int start, string path, string place, long byteOffset)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Position { get; private set; } = start;

        public (double Onset, double? Duration) ReadOnsetAndDuration()
        {
            int end = EndOfNumber();
            double onset = Number(Position, end, signed: true, "onset");
            double? duration = null;
            if (_bytes[end] == DurationMark)
            {
                int durationStart = end + 1;
                Position = durationStart;
                end = EndOfNumber();
                if (_bytes[end] != EndOfText)
                    throw Error(end, "a duration must be followed by byte 0x14.");
                duration = Number(durationStart, end, signed: false, "duration");
            }
            Position = end + 1;
            return (onset, duration);
        }

        public readonly bool AtEndOfTal() => Position < _bytes.Length && _bytes[Position] == EndOfTal;

        public string ReadText()
        {
            int length = _bytes[Position..].IndexOfAny(EndOfText, EndOfTal);
            if (length < 0 || _bytes[Position + length] != EndOfText)
                throw Error(Position, "an annotation text is not closed by byte 0x14 before the TAL or the record ends.");
            string text;
            try
            {
                text = StrictUtf8.GetString(_bytes.Slice(Position, length));
            }
            catch (DecoderFallbackException e)
            {
                throw new EegFormatException(path, $"{place}, byte {byteOffset + Position}", "an annotation text is not valid UTF-8.", e);
            }
            Position += length + 1;
            return text;
        }

        public readonly EegFormatException Error(int at, string reason) =>
            new(path, $"{place}, byte {byteOffset + at}", reason);

        /// <summary>Finds the byte that ends a number (0x14 or 0x15); the TAL must not end first.</summary>
        private readonly int EndOfNumber()
        {
            int length = _bytes[Position..].IndexOfAny(EndOfText, DurationMark, EndOfTal);
            if (length < 0 || _bytes[Position + length] == EndOfTal)
                throw Error(Position, "a TAL's onset or duration is not followed by byte 0x14 or 0x15 before the TAL or the record ends.");
            return Position + length;
        }

        /// <summary>Parses [sign] digits [. digits]: the onset has a mandatory sign, the duration none.</summary>
        private readonly double Number(int from, int to, bool signed, string what)
        {
            ReadOnlySpan<byte> text = _bytes[from..to];
            ReadOnlySpan<byte> body = text;
            if (signed)
            {
                if (body.Length == 0 || body[0] is not ((byte)'+' or (byte)'-'))
                    throw Error(from, $"the {what} '{Ascii(text)}' must start with + or −.");
                body = body[1..];
            }
            int dot = body.IndexOf((byte)'.');
            ReadOnlySpan<byte> whole = dot < 0 ? body : body[..dot];
            ReadOnlySpan<byte> fraction = dot < 0 ? [] : body[(dot + 1)..];
            if (whole.Length == 0 || whole.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0
                || dot >= 0 && (fraction.Length == 0 || fraction.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0))
                throw Error(from, $"the {what} '{Ascii(text)}' is not a decimal number of seconds.");
            double value = double.Parse(Encoding.ASCII.GetString(text), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture);
            if (!double.IsFinite(value))
                throw Error(from, $"the {what} '{Ascii(text)}' is too large.");
            return value;
        }

        private static string Ascii(ReadOnlySpan<byte> bytes)
        {
            var text = new StringBuilder(Math.Min(bytes.Length, 40));
            foreach (byte b in bytes[..Math.Min(bytes.Length, 40)]) text.Append(b is >= 0x20 and <= 0x7E ? (char)b : '?');
            return text.ToString();
        }
    }
}
