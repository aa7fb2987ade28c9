using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Valence.Nn.Kernels;

/// <summary>
/// The AVX2+FMA micro-kernel: a 6×16 tile of C in twelve 8-float registers (of the 16 AVX2 has), updated by one
/// rank-1 product per step of k. Its row kernel keeps one row of C across four panels (64 columns) in eight
/// registers.
/// </summary>
/// <remarks>
/// Blocking for cores with a 32–48 KiB L1 and a 0.5–1 MiB L2: a 256×16 panel of B is 16 KiB, a 120×256 block of A
/// 120 KiB, a 256×2048 block of B 2 MiB (L3).
/// </remarks>
internal readonly unsafe struct GemmMicroKernelAvx2 : IGemmMicroKernel
{
    /// <summary>True where this kernel runs (x86 with AVX2 and FMA).</summary>
    public static bool IsSupported => Avx2.IsSupported && Fma.IsSupported;

    public static int MR => 6;
    public static int NR => 16;
    public static int KC => 256;
    public static int MC => 120;
    public static int NC => 2048;
    public static int RowPanels => 4;

    /// <inheritdoc cref="IGemmMicroKernel.Run"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), SkipLocalsInit]
    public static void Run(int kc, float* a, nint aRowStride, nint aStep, int rows,
        float* b, float* c, nint cRowStride, nint cColumnStride, int columns, bool add)
    {
        float* a0 = GemmTile.Row(a, aRowStride, rows, 0);
        float* a1 = GemmTile.Row(a, aRowStride, rows, 1);
        float* a2 = GemmTile.Row(a, aRowStride, rows, 2);
        float* a3 = GemmTile.Row(a, aRowStride, rows, 3);
        float* a4 = GemmTile.Row(a, aRowStride, rows, 4);
        float* a5 = GemmTile.Row(a, aRowStride, rows, 5);
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;

        // c[i, 0..16] += a[i, p] · b[p, 0..16] for p = 0 … kc−1, in that order for every element.
        nint offset = 0;
        for (int p = 0; p < kc; p++, offset += aStep, b += NR)
        {
            Vector256<float> b0 = Avx.LoadVector256(b);
            Vector256<float> b1 = Avx.LoadVector256(b + 8);
            Vector256<float> ai = Avx.BroadcastScalarToVector256(a0 + offset);
            c00 = Fma.MultiplyAdd(ai, b0, c00);
            c01 = Fma.MultiplyAdd(ai, b1, c01);
            ai = Avx.BroadcastScalarToVector256(a1 + offset);
            c10 = Fma.MultiplyAdd(ai, b0, c10);
            c11 = Fma.MultiplyAdd(ai, b1, c11);
            ai = Avx.BroadcastScalarToVector256(a2 + offset);
            c20 = Fma.MultiplyAdd(ai, b0, c20);
            c21 = Fma.MultiplyAdd(ai, b1, c21);
            ai = Avx.BroadcastScalarToVector256(a3 + offset);
            c30 = Fma.MultiplyAdd(ai, b0, c30);
            c31 = Fma.MultiplyAdd(ai, b1, c31);
            ai = Avx.BroadcastScalarToVector256(a4 + offset);
            c40 = Fma.MultiplyAdd(ai, b0, c40);
            c41 = Fma.MultiplyAdd(ai, b1, c41);
            ai = Avx.BroadcastScalarToVector256(a5 + offset);
            c50 = Fma.MultiplyAdd(ai, b0, c50);
            c51 = Fma.MultiplyAdd(ai, b1, c51);
        }

        // Whole rows of C go out as vectors (every tile but those on the right edge or in a transposed C).
        if (columns == NR && cColumnStride == 1)
        {
            Store(c, c00, c01, add);
            if (rows > 1) Store(c + cRowStride, c10, c11, add);
            if (rows > 2) Store(c + 2 * cRowStride, c20, c21, add);
            if (rows > 3) Store(c + 3 * cRowStride, c30, c31, add);
            if (rows > 4) Store(c + 4 * cRowStride, c40, c41, add);
            if (rows > 5) Store(c + 5 * cRowStride, c50, c51, add);
            return;
        }

        float* tile = stackalloc float[MR * NR];
        Store(tile, c00, c01, false);
        Store(tile + NR, c10, c11, false);
        Store(tile + 2 * NR, c20, c21, false);
        Store(tile + 3 * NR, c30, c31, false);
        Store(tile + 4 * NR, c40, c41, false);
        Store(tile + 5 * NR, c50, c51, false);
        GemmTile.StorePartial(tile, NR, c, cRowStride, cColumnStride, rows, columns, add);
    }

    /// <inheritdoc cref="IGemmMicroKernel.RunRow"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), SkipLocalsInit]
    public static void RunRow(int kc, float* a, nint aStep, float* b, nint panelStride, int panels,
        float* c, nint cColumnStride, int columns, bool add)
    {
        float* b0 = GemmTile.Panel(b, panelStride, panels, 0);
        float* b1 = GemmTile.Panel(b, panelStride, panels, 1);
        float* b2 = GemmTile.Panel(b, panelStride, panels, 2);
        float* b3 = GemmTile.Panel(b, panelStride, panels, 3);
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;

        // c[q·16 .. q·16+16] += a[p] · b_q[p, 0..16] for p = 0 … kc−1, as the tile kernel sums every element.
        nint offset = 0;
        for (int p = 0; p < kc; p++, a += aStep, offset += NR)
        {
            Vector256<float> ap = Avx.BroadcastScalarToVector256(a);
            c00 = Fma.MultiplyAdd(ap, Avx.LoadVector256(b0 + offset), c00);
            c01 = Fma.MultiplyAdd(ap, Avx.LoadVector256(b0 + offset + 8), c01);
            c10 = Fma.MultiplyAdd(ap, Avx.LoadVector256(b1 + offset), c10);
            c11 = Fma.MultiplyAdd(ap, Avx.LoadVector256(b1 + offset + 8), c11);
            c20 = Fma.MultiplyAdd(ap, Avx.LoadVector256(b2 + offset), c20);
            c21 = Fma.MultiplyAdd(ap, Avx.LoadVector256(b2 + offset + 8), c21);
            c30 = Fma.MultiplyAdd(ap, Avx.LoadVector256(b3 + offset), c30);
            c31 = Fma.MultiplyAdd(ap, Avx.LoadVector256(b3 + offset + 8), c31);
        }

        bool whole = columns == RowPanels * NR && cColumnStride == 1;
        float* tile = stackalloc float[RowPanels * NR];
        float* row = whole ? c : tile;
        bool addHere = whole && add;
        Store(row, c00, c01, addHere);
        Store(row + NR, c10, c11, addHere);
        Store(row + 2 * NR, c20, c21, addHere);
        Store(row + 3 * NR, c30, c31, addHere);
        if (!whole) GemmTile.StorePartial(row, RowPanels * NR, c, 0, cColumnStride, 1, columns, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* row, Vector256<float> left, Vector256<float> right, bool add)
    {
        if (add)
        {
            left = Avx.Add(Avx.LoadVector256(row), left);
            right = Avx.Add(Avx.LoadVector256(row + 8), right);
        }
        Avx.Store(row, left);
        Avx.Store(row + 8, right);
    }
}
