using Valence.Nn.Initialization;
using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

public class ColumnSumsTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 1)]
    [InlineData(7, 31)]
    [InlineData(33, 64)]
    [InlineData(100, 256)]
    [InlineData(13, 97)]
    public void Totals_are_the_row_by_row_sums_bit_for_bit(int rows, int width)
    {
        int stride = width + 3;
        var matrix = new float[Math.Max(0, rows * stride)];
        new Rng((ulong)(rows + width)).FillUniform(matrix, -1, 1);
        var expected = new float[width];
        for (int j = 0; j < width; j++)
        {
            float total = 0;
            for (int r = 0; r < rows; r++) total += matrix[r * stride + j];
            expected[j] = total;
        }
        var actual = new float[width];
        Array.Fill(actual, float.NaN);
        ColumnSums.Sum(matrix, rows, stride, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_matrix_too_short_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ColumnSums.Sum(new float[10], 3, 4, new float[4]));
        Assert.Contains("3 rows of 4 at stride 4 need 12 floats", e.Message);
    }
}
