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
}
