using System.Runtime.Intrinsics.X86;

namespace Valence.Nn.Kernels;

/// <summary>
/// Matrix transposition in 8×8 register blocks (AVX), for GEMM's packing of a transposed B and for layers that
/// swap axes: a plain element-by-element transpose reads or writes with a large stride at every element.
/// </summary>
internal static unsafe class Transposition
{
    /// <summary>destination[j·ldd + i] = source[i·lds + j] for i &lt; rows, j &lt; columns.</summary>
    public static void Transpose(float* source, nint lds, int rows, int columns, float* destination, nint ldd)
    {
        int i = 0;
        if (Avx.IsSupported)
            for (; i + 8 <= rows; i += 8) EightRows(source + i * lds, lds, columns, destination + i, ldd);
        for (; i < rows; i++)
        {
            float* row = source + i * lds;
            for (int j = 0; j < columns; j++) destination[j * ldd + i] = row[j];
        }
    }

    /// <summary>
    /// target[p·ldt + j] = rows[j·stride + p] for j &lt; 8, p &lt; length: eight rows of a matrix become eight
    /// columns, 8×8 at a time through register shuffles, the last length mod 8 columns one by one. Needs AVX.
    /// </summary>
    public static void EightRows(float* rows, nint stride, int length, float* target, nint ldt)
    {
        int p = 0;
        for (; p + 8 <= length; p += 8)
        {
            float* at = rows + p;
            var t0 = Avx.UnpackLow(Avx.LoadVector256(at), Avx.LoadVector256(at + stride));
            var t1 = Avx.UnpackHigh(Avx.LoadVector256(at), Avx.LoadVector256(at + stride));
            var t2 = Avx.UnpackLow(Avx.LoadVector256(at + 2 * stride), Avx.LoadVector256(at + 3 * stride));
            var t3 = Avx.UnpackHigh(Avx.LoadVector256(at + 2 * stride), Avx.LoadVector256(at + 3 * stride));
            var t4 = Avx.UnpackLow(Avx.LoadVector256(at + 4 * stride), Avx.LoadVector256(at + 5 * stride));
            var t5 = Avx.UnpackHigh(Avx.LoadVector256(at + 4 * stride), Avx.LoadVector256(at + 5 * stride));
            var t6 = Avx.UnpackLow(Avx.LoadVector256(at + 6 * stride), Avx.LoadVector256(at + 7 * stride));
            var t7 = Avx.UnpackHigh(Avx.LoadVector256(at + 6 * stride), Avx.LoadVector256(at + 7 * stride));
            var u0 = Avx.Shuffle(t0, t2, 0x44);
            var u1 = Avx.Shuffle(t0, t2, 0xEE);
            var u2 = Avx.Shuffle(t1, t3, 0x44);
            var u3 = Avx.Shuffle(t1, t3, 0xEE);
            var u4 = Avx.Shuffle(t4, t6, 0x44);
            var u5 = Avx.Shuffle(t4, t6, 0xEE);
            var u6 = Avx.Shuffle(t5, t7, 0x44);
            var u7 = Avx.Shuffle(t5, t7, 0xEE);
            float* row = target + p * ldt;
            Avx.Store(row, Avx.Permute2x128(u0, u4, 0x20));
            Avx.Store(row + ldt, Avx.Permute2x128(u1, u5, 0x20));
            Avx.Store(row + 2 * ldt, Avx.Permute2x128(u2, u6, 0x20));
            Avx.Store(row + 3 * ldt, Avx.Permute2x128(u3, u7, 0x20));
            Avx.Store(row + 4 * ldt, Avx.Permute2x128(u0, u4, 0x31));
            Avx.Store(row + 5 * ldt, Avx.Permute2x128(u1, u5, 0x31));
            Avx.Store(row + 6 * ldt, Avx.Permute2x128(u2, u6, 0x31));
            Avx.Store(row + 7 * ldt, Avx.Permute2x128(u3, u7, 0x31));
        }
        for (; p < length; p++)
            for (int j = 0; j < 8; j++) target[p * ldt + j] = rows[j * stride + p];
    }
}
