using Valence.Nn.Initialization;
using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

public class MaxPoolRowTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(2, 1)]
    [InlineData(5, 1)]
    [InlineData(3, 3)]
    [InlineData(4, 2)]
    public void Vector_pooling_matches_the_plain_loop_with_ties_and_nans(int kernel, int stride)
    {
        var rng = new Rng((ulong)(kernel * 10 + stride));
        for (int length = kernel; length <= 70; length++)
        {
            // Small integers make ties common; a few NaNs (also adjacent ones) test the NaN rule.
            var x = new float[length];
            for (int i = 0; i < length; i++) x[i] = rng.NextInt(5);
            for (int n = 0; n < length / 9; n++) x[rng.NextInt(length)] = float.NaN;
            int outputs = (length - kernel) / stride + 1;
            var expected = new float[outputs];
            var expectedIndex = new int[outputs];
            MaxPoolRow.PoolReference(x, expected, expectedIndex, 100, kernel, stride);
            var actual = new float[outputs];
            var actualIndex = new int[outputs];
            MaxPoolRow.Pool(x, actual, actualIndex, 100, kernel, stride);
            Assert.Equal(expected, actual);
            Assert.Equal(expectedIndex, actualIndex);
            var withoutIndex = new float[outputs];
            MaxPoolRow.Pool(x, withoutIndex, [], 100, kernel, stride);
            Assert.Equal(expected, withoutIndex);
        }
    }
}
