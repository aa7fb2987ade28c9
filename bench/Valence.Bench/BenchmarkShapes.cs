namespace Valence.Bench;

/// <summary>One GEMM shape to time: C[m×n] = op(A)·op(B) with depth k, named as the layer that uses it.</summary>
public sealed record GemmShape(string Name, bool TransposeA, bool TransposeB, int M, int N, int K)
{
    /// <summary>Floating-point operations of one product (one multiply and one add per term).</summary>
    public double Flops => 2.0 * M * N * K;

    /// <summary>
    /// The shapes measured, shared with bench/reference/gemm_numpy.py (keep the two lists equal): square sizes and
    /// the small, skinny products of our layers.
    /// </summary>
    public static readonly GemmShape[] All =
    [
        new("square 64", false, false, 64, 64, 64),
        new("square 128", false, false, 128, 128, 128),
        new("square 256", false, false, 256, 256, 256),
        new("square 512", false, false, 512, 512, 512),
        new("square 1024", false, false, 1024, 1024, 1024),
        new("lstm step [64x64]x[64x256]^T", false, true, 64, 256, 64),
        new("lstm dW [4096x256]^T x [4096x64]", true, false, 256, 64, 4096),
        new("dense [64x64]x[64x4]^T", false, true, 64, 4, 64),
        new("conv im2col [64x42]x[42x254]", false, false, 64, 254, 42),
    ];
}
