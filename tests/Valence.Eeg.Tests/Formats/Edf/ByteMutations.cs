using System.Text;

namespace Valence.Eeg.Tests.Formats.Edf;

/// <summary>Seeded random corruptions of a valid file: bit flips, truncations, spliced bytes and broken header numbers.</summary>
internal static class ByteMutations
{
    private static readonly string[] BadNumbers =
        ["-1", "0", "1", "-0", "+3", "99999999", "-9999999", "1e308", "1e-308", "NaN", "Inf", "0x10", "1 2", "", "  ",
         "2147483647", "-2147483648", "0.0001", "1.5", "-1.5", ".", "-", "+", "1e", "١٢", "\u00ff"];

    /// <summary>One corrupted copy of <paramref name="original"/> and a description of what was done.</summary>
    /// <param name="numberFields">Byte offsets and widths of the header's number fields, the targets of "broken number".</param>
    public static (byte[] Bytes, string What) Mutate(byte[] original, Random random, IReadOnlyList<(int Offset, int Width)> numberFields)
    {
        byte[] bytes = (byte[])original.Clone();
        int headerEnd = Math.Min(bytes.Length, 256 * 2);
        switch (random.Next(6))
        {
            case 0:
            {
                int flips = random.Next(1, 5);
                var where = new List<int>();
                for (int i = 0; i < flips; i++)
                {
                    // Half of the flips hit the header, where every byte matters.
                    int at = random.Next(2) == 0 ? random.Next(headerEnd) : random.Next(bytes.Length);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    where.Add(at);
                }
                return (bytes, $"bit flips at {string.Join(", ", where)}");
            }
            case 1:
            {
                int length = random.Next(bytes.Length);
                return (bytes[..length], $"truncated to {length} bytes");
            }
            case 2:
            {
                int length = random.Next(1, 64), from = random.Next(bytes.Length), to = random.Next(bytes.Length);
                length = Math.Min(length, Math.Min(bytes.Length - from, bytes.Length - to));
                Array.Copy(original, from, bytes, to, length);
                return (bytes, $"{length} bytes from {from} copied over {to}");
            }
            case 3:
            {
                int at = random.Next(bytes.Length), length = random.Next(1, 40);
                byte[] inserted = new byte[length];
                random.NextBytes(inserted);
                return ([.. bytes[..at], .. inserted, .. bytes[at..]], $"{length} random bytes inserted at {at}");
            }
            case 4:
            {
                int at = random.Next(bytes.Length), length = Math.Min(random.Next(1, 40), bytes.Length - at);
                return ([.. bytes[..at], .. bytes[(at + length)..]], $"{length} bytes deleted at {at}");
            }
            default:
            {
                (int offset, int width) = numberFields[random.Next(numberFields.Count)];
                string text = random.Next(4) == 0 ? random.Next(-100000, 100000000).ToString() : BadNumbers[random.Next(BadNumbers.Length)];
                byte[] encoded = Encoding.UTF8.GetBytes(text);
                bytes.AsSpan(offset, width).Fill((byte)' ');
                encoded.AsSpan(0, Math.Min(width, encoded.Length)).CopyTo(bytes.AsSpan(offset));
                return (bytes, $"number field at {offset} set to '{text}'");
            }
        }
    }
}
