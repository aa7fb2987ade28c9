using System.Buffers.Binary;
using SkiaSharp;

namespace Valence.Emotion.Tests.Reports;

/// <summary>Checks that a file is a PNG a viewer can show: the signature, the IHDR size, and a picture with content.</summary>
public static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static void AssertValid(string path, (int Width, int Height) size)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10_000, $"{path} has only {bytes.Length} bytes");
        Assert.Equal(Signature, bytes[..8]);
        // The first chunk is IHDR: length 13, type, then width and height big-endian.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(size.Width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size.Height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal((size.Width, size.Height), (bitmap.Width, bitmap.Height));
        // Text and lines: a real plot has many colours and dark pixels (text) on a light background.
        var colours = new HashSet<SKColor>();
        int dark = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                var pixel = bitmap.GetPixel(x, y);
                colours.Add(pixel);
                if (pixel.Red + pixel.Green + pixel.Blue < 150) dark++;
            }
        Assert.True(colours.Count > 50, $"{path} has only {colours.Count} colours");
        Assert.True(dark > 500, $"{path} has only {dark} dark pixels (no text?)");
    }
}
