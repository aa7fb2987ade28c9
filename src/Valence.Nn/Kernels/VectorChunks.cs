using System.Numerics;

namespace Valence.Nn.Kernels;

/// <summary>
/// Loads and stores <see cref="Vector{T}"/>-wide chunks of a span whose length need not be a multiple of the vector
/// width: the last, partial chunk is padded with zeros on load and cut on store. A fused elementwise loop
/// <c>for (j = 0; j &lt; n; j += Vector&lt;float&gt;.Count)</c> is then written once, tail included.
/// </summary>
internal static class VectorChunks
{
    /// <summary>The chunk of <paramref name="values"/> starting at <paramref name="start"/>, zero-padded past the end.</summary>
    public static Vector<float> Load(ReadOnlySpan<float> values, int start) =>
        values.Length - start >= Vector<float>.Count ? new Vector<float>(values[start..]) : LoadPartial(values[start..]);

    /// <summary>Writes the lanes of <paramref name="chunk"/> that fall inside <paramref name="values"/> from <paramref name="start"/> on.</summary>
    public static void Store(Vector<float> chunk, Span<float> values, int start)
    {
        if (values.Length - start >= Vector<float>.Count) chunk.CopyTo(values[start..]);
        else StorePartial(chunk, values[start..]);
    }

    private static Vector<float> LoadPartial(ReadOnlySpan<float> tail)
    {
        Span<float> padded = stackalloc float[Vector<float>.Count];
        padded.Clear();
        tail.CopyTo(padded);
        return new Vector<float>(padded);
    }

    private static void StorePartial(Vector<float> chunk, Span<float> tail)
    {
        Span<float> lanes = stackalloc float[Vector<float>.Count];
        chunk.CopyTo(lanes);
        lanes[..tail.Length].CopyTo(tail);
    }
}
