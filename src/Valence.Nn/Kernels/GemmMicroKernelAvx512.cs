using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Valence.Nn.Kernels;

/// <summary>
/// The AVX-512 micro-kernel: a 6×32 tile of C in twelve 16-float registers, updated by one rank-1 product per step
/// of k; the same loop as <see cref="GemmMicroKernelAvx2"/> at twice the width. Its row kernel keeps one row of C
/// across eight panels (256 columns) in sixteen registers.
/// </summary>
/// <remarks>
/// Blocking: a 192×32 panel of B is 24 KiB, so it and the 6×192 floats of A a call reads fit a 32 KiB L1; a 120×192 block of A is
/// 90 KiB (L2); a 192×2048 block of B 1.5 MiB (L3).
/// </remarks>
internal readonly unsafe struct GemmMicroKernelAvx512 : IGemmMicroKernel
{
    /// <summary>True where this kernel runs (x86 with AVX-512F).</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    public static int MR => 6;
    public static int NR => 32;
    public static int KC => 192;
    public static int MC => 120;
    public static int NC => 2048;
    public static int RowPanels => 8;

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
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;

        // c[i, 0..32] += a[i, p] · b[p, 0..32] for p = 0 … kc−1, in that order for every element.
        nint offset = 0;
        for (int p = 0; p < kc; p++, offset += aStep, b += NR)
        {
            Vector512<float> b0 = Avx512F.LoadVector512(b);
            Vector512<float> b1 = Avx512F.LoadVector512(b + 16);
            Vector512<float> ai = Vector512.Create(a0[offset]);
            c00 = Avx512F.FusedMultiplyAdd(ai, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(ai, b1, c01);
            ai = Vector512.Create(a1[offset]);
            c10 = Avx512F.FusedMultiplyAdd(ai, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(ai, b1, c11);
            ai = Vector512.Create(a2[offset]);
            c20 = Avx512F.FusedMultiplyAdd(ai, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(ai, b1, c21);
            ai = Vector512.Create(a3[offset]);
            c30 = Avx512F.FusedMultiplyAdd(ai, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(ai, b1, c31);
            ai = Vector512.Create(a4[offset]);
            c40 = Avx512F.FusedMultiplyAdd(ai, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(ai, b1, c41);
            ai = Vector512.Create(a5[offset]);
            c50 = Avx512F.FusedMultiplyAdd(ai, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(ai, b1, c51);
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
        float* b4 = GemmTile.Panel(b, panelStride, panels, 4);
        float* b5 = GemmTile.Panel(b, panelStride, panels, 5);
        float* b6 = GemmTile.Panel(b, panelStride, panels, 6);
        float* b7 = GemmTile.Panel(b, panelStride, panels, 7);
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default;

        // c[q·32 .. q·32+32] += a[p] · b_q[p, 0..32] for p = 0 … kc−1, as the tile kernel sums every element.
        nint offset = 0;
        for (int p = 0; p < kc; p++, a += aStep, offset += NR)
        {
            Vector512<float> ap = Vector512.Create(*a);
            c00 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b0 + offset), c00);
            c01 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b0 + offset + 16), c01);
            c10 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b1 + offset), c10);
            c11 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b1 + offset + 16), c11);
            c20 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b2 + offset), c20);
            c21 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b2 + offset + 16), c21);
            c30 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b3 + offset), c30);
            c31 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b3 + offset + 16), c31);
            c40 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b4 + offset), c40);
            c41 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b4 + offset + 16), c41);
            c50 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b5 + offset), c50);
            c51 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b5 + offset + 16), c51);
            c60 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b6 + offset), c60);
            c61 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b6 + offset + 16), c61);
            c70 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b7 + offset), c70);
            c71 = Avx512F.FusedMultiplyAdd(ap, Avx512F.LoadVector512(b7 + offset + 16), c71);
        }

        bool whole = columns == RowPanels * NR && cColumnStride == 1;
        float* tile = stackalloc float[8 * NR];
        float* row = whole ? c : tile;
        bool addHere = whole && add;
        Store(row, c00, c01, addHere);
        Store(row + NR, c10, c11, addHere);
        Store(row + 2 * NR, c20, c21, addHere);
        Store(row + 3 * NR, c30, c31, addHere);
        Store(row + 4 * NR, c40, c41, addHere);
        Store(row + 5 * NR, c50, c51, addHere);
        Store(row + 6 * NR, c60, c61, addHere);
        Store(row + 7 * NR, c70, c71, addHere);
        if (!whole) GemmTile.StorePartial(row, RowPanels * NR, c, 0, cColumnStride, 1, columns, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* row, Vector512<float> left, Vector512<float> right, bool add)
    {
        if (add)
        {
            left = Avx512F.Add(Avx512F.LoadVector512(row), left);
            right = Avx512F.Add(Avx512F.LoadVector512(row + 16), right);
        }
        Avx512F.Store(row, left);
        Avx512F.Store(row + 16, right);
    }
}
