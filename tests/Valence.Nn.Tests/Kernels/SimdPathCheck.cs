using System.Numerics;
using Valence.Nn.Kernels;
using Valence.Nn.Tests.Layers;

namespace Valence.Nn.Tests.Kernels;

/// <summary>
/// A small subset of the GEMM conformance cases and of the other vector kernels' tests (pooling, transposition,
/// column sums, lanes, vector math, the fused recurrent cells through PyTorch goldens), run in a child process so
/// that each SIMD path is checked on one machine (see <see cref="SimdPathTests"/>). It reports which micro-kernel
/// and vector width ran.
/// </summary>
public static class SimdPathCheck
{
    /// <summary>The child-process command that runs this check.</summary>
    public const string Command = "gemm-simd-check";

    private static readonly (int M, int N, int K)[] Shapes = [(1, 1, 1), (7, 17, 5), (19, 33, 17), (13, 65, 31), (64, 4, 64), (5, 19, 260), (1, 300, 20), (8, 70, 300)];

    // Tests of the vector kernels besides GEMM, run as they are: each throws when it fails.
    private static readonly (string Name, Action Check)[] KernelChecks =
    [
        ("max pooling 2/2", () => new MaxPoolRowTests().Vector_pooling_matches_the_plain_loop_with_ties_and_nans(2, 2)),
        ("max pooling 3/1", () => new MaxPoolRowTests().Vector_pooling_matches_the_plain_loop_with_ties_and_nans(3, 1)),
        ("transposition 17×13", () => new TranspositionTests().Transpose_matches_the_element_by_element_definition_with_strides(17, 13)),
        ("transposition 64×127", () => new TranspositionTests().Transpose_matches_the_element_by_element_definition_with_strides(64, 127)),
        ("column sums", () => new ColumnSumsTests().Totals_are_the_row_by_row_sums_bit_for_bit(13, 97)),
        ("lanes (Vector)", () => new FloatLanesTests().LanesVector_copy_every_length_and_write_nothing_past_the_end()),
        ("lanes (512)", () => new FloatLanesTests().Lanes512_copy_every_length_and_write_nothing_past_the_end()),
        ("elementwise", () => new ElementwiseTests().Unary_map_covers_every_length_body_and_tail()),
        ("exp", () => new VectorMathTests().Exp_is_accurate_in_range_and_saturates_at_both_ends()),
        ("sigmoid", () => new VectorMathTests().Sigmoid_saturates_without_overflow()),
        ("tanh", () => new VectorMathTests().Tanh_is_accurate_near_zero_and_saturates_within_one()),
        ("wide sigmoid and tanh", () => new VectorMathTests().The_wide_forms_of_sigmoid_and_tanh_match_the_vector_forms()),
        ("LSTM golden", () => new RecurrentGoldenTests().Full_sequence_output_and_gradients_match_PyTorch("recurrent_lstm_wide")),
        ("GRU golden", () => new RecurrentGoldenTests().Full_sequence_output_and_gradients_match_PyTorch("recurrent_gru_wide")),
        ("RNN golden", () => new RecurrentGoldenTests().Last_step_output_and_gradients_match_PyTorch("recurrent_rnn_wide")),
    ];

    /// <summary>Runs the cases, writes a summary line (and any failures) to <paramref name="output"/>, returns 0 when all pass.</summary>
    public static int Run(TextWriter output)
    {
        output.WriteLine($"kernel={Gemm.KernelName} " +
                         $"vector={Vector<float>.Count} accelerated={Vector.IsHardwareAccelerated}");
        int cases = 0, failures = 0;
        foreach (var (m, n, k) in Shapes)
        {
            foreach (var gemmCase in GemmCase.AllVariants(m, n, k))
            {
                cases++;
                string? failure = gemmCase.Check();
                if (failure is null) continue;
                failures++;
                output.WriteLine(failure);
            }
        }
        output.WriteLine($"{cases - failures} of {cases} cases passed");
        int kernelFailures = 0;
        foreach (var (name, check) in KernelChecks)
        {
            try
            {
                check();
            }
            catch (Exception e)
            {
                kernelFailures++;
                output.WriteLine($"{name}: {e.Message}");
            }
        }
        output.WriteLine($"{KernelChecks.Length - kernelFailures} of {KernelChecks.Length} kernel checks passed");
        return failures == 0 && kernelFailures == 0 ? 0 : 1;
    }
}
