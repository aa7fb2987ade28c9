using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

/// <summary>Both lane types load and store every span length alike: whole registers, then a zero-padded tail.</summary>
public class FloatLanesTests
{
    [Fact]
    public void Lanes512_copy_every_length_and_write_nothing_past_the_end() => CopiesEveryLength<Lanes512>();

    [Fact]
    public void LanesVector_copy_every_length_and_write_nothing_past_the_end() => CopiesEveryLength<LanesVector>();

    [Fact]
    public void Lanes512_pad_a_partial_load_with_zeros() => PadsWithZeros<Lanes512>();

    [Fact]
    public void LanesVector_pad_a_partial_load_with_zeros() => PadsWithZeros<LanesVector>();

    private static void CopiesEveryLength<T>() where T : struct, IFloatLanes<T>
    {
        for (int length = 0; length <= 3 * T.Count + 1; length++)
        {
            var source = new float[length];
            for (int i = 0; i < length; i++) source[i] = i + 1;
            var destination = new float[length + T.Count];
            Array.Fill(destination, -1f);

            for (int j = 0; j < length; j += T.Count)
                T.Store(T.Load(source, j) * T.Create(2f), destination.AsSpan(0, length), j);

            for (int i = 0; i < length; i++) Assert.Equal(2f * (i + 1), destination[i]);
            for (int i = length; i < destination.Length; i++) Assert.Equal(-1f, destination[i]);
        }
    }

    private static void PadsWithZeros<T>() where T : struct, IFloatLanes<T>
    {
        var source = new float[T.Count + 1];
        Array.Fill(source, 3f);
        var lanes = new float[T.Count];
        T.Store(T.Load(source, T.Count), lanes, 0);
        Assert.Equal(3f, lanes[0]);
        for (int lane = 1; lane < T.Count; lane++) Assert.Equal(0f, lanes[lane]);
    }
}
