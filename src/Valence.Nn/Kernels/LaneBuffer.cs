using System.Runtime.CompilerServices;

namespace Valence.Nn.Kernels;

/// <summary>
/// Room for one register of up to sixteen floats on the stack, for the partial vector at the end of a span. A
/// fixed-size local rather than <c>stackalloc</c> and a copy loop rather than a span copy, so that loading or
/// storing a partial vector calls nothing: a call inside a fused loop would force every live vector register out
/// to the stack around it.
/// </summary>
[InlineArray(16), SkipLocalsInit]
internal struct LaneBuffer
{
    private float _first;

    /// <summary>The first <paramref name="tail"/>.Length lanes from <paramref name="tail"/>, the rest zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneBuffer From(ReadOnlySpan<float> tail)
    {
        var buffer = default(LaneBuffer);
        for (int i = 0; i < tail.Length; i++) buffer[i] = tail[i];
        return buffer;
    }

    /// <summary>Copies the first <paramref name="tail"/>.Length lanes to <paramref name="tail"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void CopyTo(Span<float> tail)
    {
        for (int i = 0; i < tail.Length; i++) tail[i] = this[i];
    }
}
