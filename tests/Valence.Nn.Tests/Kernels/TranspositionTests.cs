using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

public class TranspositionTests
{
    public static IEnumerable<object[]> Shapes()
    {
        foreach (int rows in new[] { 1, 3, 7, 8, 9, 16, 17, 64 })
            foreach (int columns in new[] { 1, 5, 8, 13, 24, 127 })
                yield return [rows, columns];
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public unsafe void Transpose_matches_the_element_by_element_definition_with_strides(int rows, int columns)
    {
        // Leading dimensions wider than the matrix, so that reads or writes past a row would show.
        int lds = columns + 3, ldd = rows + 2;
        var source = new float[rows * lds];
        for (int i = 0; i < source.Length; i++) source[i] = i % lds < columns ? i : float.NaN;
        var destination = new float[columns * ldd];
        Array.Fill(destination, -1f);
        fixed (float* s = source, d = destination)
            Transposition.Transpose(s, lds, rows, columns, d, ldd);
        for (int j = 0; j < columns; j++)
            for (int i = 0; i < ldd; i++)
                Assert.Equal(i < rows ? source[i * lds + j] : -1f, destination[j * ldd + i]);
    }
}
