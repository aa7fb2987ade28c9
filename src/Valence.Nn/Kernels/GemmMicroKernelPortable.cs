using System.Diagnostics;
using System.Numerics;

namespace Valence.Nn.Kernels;

/// <summary>
/// The portable micro-kernel, for machines without AVX2/FMA: the same MR×NR tile and step order as
/// <see cref="GemmMicroKernelAvx2"/>, with <see cref="Vector{T}"/> of whatever width the machine has.
/// </summary>
internal readonly unsafe struct GemmMicroKernelPortable : IGemmMicroKernel
{
    public static int MR => GemmMicroKernelAvx2.MR;
    public static int NR => GemmMicroKernelAvx2.NR;
    public static int KC => GemmMicroKernelAvx2.KC;
    public static int MC => GemmMicroKernelAvx2.MC;
    public static int NC => GemmMicroKernelAvx2.NC;
    public static int RowPanels => GemmMicroKernelAvx2.RowPanels;

    /// <inheritdoc cref="IGemmMicroKernel.Run"/>
    public static void Run(int kc, float* a, nint aRowStride, nint aStep, int rows,
        float* b, float* c, nint cRowStride, nint cColumnStride, int columns, bool add)
    {
        int width = Vector<float>.Count;
        int vectors = NR / width;
        Debug.Assert(vectors * width == NR, "NR must be a multiple of the vector width.");
        Span<Vector<float>> sums = stackalloc Vector<float>[MR * vectors];
        sums.Clear();
        float** rowStarts = stackalloc float*[MR];
        for (int i = 0; i < MR; i++) rowStarts[i] = GemmTile.Row(a, aRowStride, rows, i);

        // c[i, 0..NR] += a[i, p] · b[p, 0..NR] for p = 0 … kc−1 (multiply, then add: no fused rounding here).
        nint offset = 0;
        for (int p = 0; p < kc; p++, offset += aStep, b += NR)
        {
            for (int i = 0; i < MR; i++)
            {
                var ai = new Vector<float>(rowStarts[i][offset]);
                for (int v = 0; v < vectors; v++)
                    sums[i * vectors + v] += ai * Vector.Load(b + v * width);
            }
        }

        float* tile = stackalloc float[MR * NR];
        for (int i = 0; i < MR; i++)
            for (int v = 0; v < vectors; v++)
                sums[i * vectors + v].Store(tile + i * NR + v * width);
        GemmTile.StorePartial(tile, NR, c, cRowStride, cColumnStride, rows, columns, add);
    }

    /// <inheritdoc cref="IGemmMicroKernel.RunRow"/>
    public static void RunRow(int kc, float* a, nint aStep, float* b, nint panelStride, int panels,
        float* c, nint cColumnStride, int columns, bool add)
    {
        int width = Vector<float>.Count;
        int vectors = NR / width;
        Span<Vector<float>> sums = stackalloc Vector<float>[panels * vectors];
        sums.Clear();

        // c[q·NR .. q·NR+NR] += a[p] · b_q[p, 0..NR] for p = 0 … kc−1 (multiply, then add, as the tile kernel).
        for (int p = 0; p < kc; p++, a += aStep)
        {
            var ap = new Vector<float>(*a);
            for (int q = 0; q < panels; q++)
            {
                float* row = b + q * panelStride + p * NR;
                for (int v = 0; v < vectors; v++)
                    sums[q * vectors + v] += ap * Vector.Load(row + v * width);
            }
        }

        float* tile = stackalloc float[panels * NR];
        for (int v = 0; v < panels * vectors; v++) sums[v].Store(tile + v * width);
        GemmTile.StorePartial(tile, panels * NR, c, 0, cColumnStride, 1, columns, add);
    }
}
