namespace Valence.Nn.Kernels;

/// <summary>
/// The right-hand operand op(B) of <see cref="Gemm"/>, packed once into the micro-kernel's panel layout, for a
/// product repeated with the same B: a recurrent layer multiplies by W_hhᵀ at every time step, and packing B on
/// each call would cost as much as the product itself when the batch is small.
/// </summary>
/// <remarks>
/// <para>op(B) (k×n) is stored as ⌈n/NR⌉ panels of k rows by NR floats (NR, the kernel's tile width, is 32 with
/// AVX-512 and 16 otherwise), panel after panel, columns past n zero. Any kc×nc block the GEMM's cache blocking
/// needs is then a pointer offset into these panels, and the product sums every element exactly as
/// <see cref="Gemm.Multiply(bool, bool, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, Span{float}, int, bool)"/>
/// does: the results are bit for bit the same.</para>
/// <para>The values are a copy: after B changes, <see cref="Pack"/> it again, which reuses this object's memory
/// whenever it is large enough (a packed operand of one shape, repacked, allocates nothing). One instance must not
/// be repacked while a product reads it.</para>
/// </remarks>
public sealed unsafe class GemmPackedB
{
    private float[]? _storage;
    private float* _panels;
    private long _capacity;

    /// <summary>k: the rows of op(B), the depth of products with it.</summary>
    public int Depth { get; private set; }

    /// <summary>n: the columns of op(B), and of products with it.</summary>
    public int Columns { get; private set; }

    /// <summary>The first panel, for the GEMM driver.</summary>
    internal float* Panels => _panels;

    /// <summary>
    /// Packs op(B), k×n: B stored row-major k×n with leading dimension <paramref name="ldb"/> ≥ n, or with
    /// <paramref name="transpose"/> n×k with ldb ≥ k (as <see cref="Gemm.Multiply(bool, bool, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, Span{float}, int, bool)"/> reads it).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">k or n is negative.</exception>
    /// <exception cref="ArgumentException">The span is too short for the stated sizes, or ldb is below the row width.</exception>
    public void Pack(bool transpose, int k, int n, ReadOnlySpan<float> b, int ldb)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        Gemm.CheckMatrix("B", transpose ? n : k, transpose ? k : n, b.Length, ldb);
        int nr = Gemm.PanelWidth;
        long floats = (long)(n + nr - 1) / nr * nr * k;
        if (floats > Array.MaxLength - 64)
            throw new ArgumentException($"GEMM: packing a {k}×{n} B needs {floats} floats, more than one array holds.", nameof(b));
        if (floats > _capacity)
        {
            _panels = GemmScratch.Allocate((int)floats, out _storage);
            _capacity = floats;
        }
        Depth = k;
        Columns = n;
        if (floats == 0) return;
        fixed (float* pb = b)
            GemmPacking.PackB(StridedMatrix.RowMajor(pb, ldb, transpose), k, n, nr, _panels);
    }
}
