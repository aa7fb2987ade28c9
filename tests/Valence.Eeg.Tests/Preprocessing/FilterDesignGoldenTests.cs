using System.Text.Json;
using Valence.Eeg.Preprocessing;
using Xunit.Abstractions;

namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>Butterworth and notch designs equal scipy.signal.butter(..., output='sos') and iirnotch section by section.</summary>
public sealed class FilterDesignGoldenTests(ITestOutputHelper output)
{
    public static TheoryData<int> ButterCases => ScipyGoldens.Cases("butter");
    public static TheoryData<int> NotchCases => ScipyGoldens.Cases("notch");

    [Theory]
    [MemberData(nameof(ButterCases))]
    public void Butterworth_sections_equal_scipy(int index) => CompareSections(ScipyGoldens.Section("butter")[index]);

    [Theory]
    [MemberData(nameof(NotchCases))]
    public void Notch_section_equals_scipy(int index) => CompareSections(ScipyGoldens.Section("notch")[index]);

    private void CompareSections(JsonElement golden)
    {
        JsonElement spec = golden.GetProperty("filter");
        double[] expected = ScipyGoldens.Flatten(golden.GetProperty("sos"));
        SecondOrderSections sos = ScipyGoldens.Design(spec);
        Assert.Equal(expected.Length / 6, sos.Count);
        // Coefficients that are exactly zero in SciPy (first-order sections) must be zero here too.
        for (int i = 0; i < expected.Length; i++)
            if (expected[i] == 0) Assert.Equal(0.0, sos.Coefficients[i]);
        double worst = CloseAssert.Close(expected, sos.Coefficients, 1e-5, spec.ToString());
        output.WriteLine($"{JsonSerializer.Serialize(spec)}: worst relative error {worst:E2}");
    }

    [Fact]
    public void Edges_at_or_above_Nyquist_are_refused_with_the_limit_in_the_message()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ButterworthDesign.BandPass(4, 4, 45, 64));
        Assert.Contains("45 Hz must be below Nyquist, 32 Hz for 64 Hz data", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ButterworthDesign.LowPass(4, 64, 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => ButterworthDesign.HighPass(4, 0, 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => ButterworthDesign.BandPass(4, 45, 4, 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => ButterworthDesign.BandPass(0, 4, 45, 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => NotchDesign.Notch(50, 128, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NotchDesign.Notch(50, double.NaN));
    }

    [Fact]
    public void Steady_state_equals_scipy_sosfilt_zi()
    {
        JsonElement golden = ScipyGoldens.Section("sosfilt");
        double[] expected = ScipyGoldens.Flatten(golden.GetProperty("steady_state"));
        CloseAssert.Close(expected, ScipyGoldens.Design(golden.GetProperty("filter")).SteadyState(), 1e-10, "sosfilt_zi");
    }
}
