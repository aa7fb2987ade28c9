using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Valence.Nn.Kernels;

/// <summary>
/// One thread's packing buffer for B, pinned and 64-byte aligned, kept for the thread's lifetime so that GEMM in
/// steady state allocates nothing. It grows to the largest block the thread has packed.
/// </summary>
internal sealed unsafe class GemmScratch
{
    private const int Alignment = 64;

    [ThreadStatic] private static GemmScratch? current;

    private float[]? bStorage;
    private float* packedB;
    private int packedBCapacity;

    /// <summary>The calling thread's buffer.</summary>
    public static GemmScratch ForCurrentThread => current ??= new GemmScratch();

    /// <summary>Room for a packed block of B of at least <paramref name="floats"/> floats.</summary>
    public float* PackedB(int floats)
    {
        if (floats > packedBCapacity)
        {
            packedB = Allocate(floats, out bStorage);
            packedBCapacity = floats;
        }
        return packedB;
    }

    /// <summary>A pinned array of at least <paramref name="floats"/> floats (kept alive through <paramref name="storage"/>) and its first 64-byte aligned address.</summary>
    public static float* Allocate(int floats, out float[] storage)
    {
        storage = GC.AllocateUninitializedArray<float>(floats + Alignment / sizeof(float), pinned: true);
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(storage));
        return (float*)((address + Alignment - 1) & ~(nint)(Alignment - 1));
    }
}
