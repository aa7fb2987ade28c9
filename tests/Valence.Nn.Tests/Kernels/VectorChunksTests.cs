using System.Numerics;
using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

public class VectorChunksTests
{
    [Fact]
    public void Chunked_copy_reproduces_every_length_and_writes_nothing_past_the_end()
    {
        for (int length = 0; length <= 3 * Vector<float>.Count + 1; length++)
        {
            var source = new float[length];
            for (int i = 0; i < length; i++) source[i] = i + 1;
            var destination = new float[length + Vector<float>.Count];
            Array.Fill(destination, -1f);

            for (int j = 0; j < length; j += Vector<float>.Count)
                VectorChunks.Store(VectorChunks.Load(source, j) * 2, destination.AsSpan(0, length), j);

            for (int i = 0; i < length; i++) Assert.Equal(2f * (i + 1), destination[i]);
            for (int i = length; i < destination.Length; i++) Assert.Equal(-1f, destination[i]);
        }
    }

    [Fact]
    public void A_partial_chunk_is_padded_with_zeros()
    {
        var source = new float[Vector<float>.Count + 1];
        Array.Fill(source, 3f);
        var tail = VectorChunks.Load(source, Vector<float>.Count);
        Assert.Equal(3f, tail[0]);
        for (int lane = 1; lane < Vector<float>.Count; lane++) Assert.Equal(0f, tail[lane]);
    }
}
