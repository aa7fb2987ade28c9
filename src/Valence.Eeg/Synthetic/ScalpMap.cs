using Valence.Eeg.Recordings;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// Where DEAP's 32 electrodes sit, flattened onto the unit disc (x: left −1 … right +1, y: back −1 … front +1), and
/// the spatial weights the generator derives from that: how strongly each rhythm, the eyes and the muscles reach
/// an electrode.
/// </summary>
internal static class ScalpMap
{
    private static readonly Dictionary<string, (double X, double Y)> Positions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Fp1"] = (-0.31, 0.95), ["Fp2"] = (0.31, 0.95),
        ["AF3"] = (-0.34, 0.78), ["AF4"] = (0.34, 0.78),
        ["F7"] = (-0.81, 0.59), ["F3"] = (-0.45, 0.58), ["Fz"] = (0, 0.55), ["F4"] = (0.45, 0.58), ["F8"] = (0.81, 0.59),
        ["FC5"] = (-0.72, 0.30), ["FC1"] = (-0.25, 0.28), ["FC2"] = (0.25, 0.28), ["FC6"] = (0.72, 0.30),
        ["T7"] = (-1, 0), ["C3"] = (-0.5, 0), ["Cz"] = (0, 0), ["C4"] = (0.5, 0), ["T8"] = (1, 0),
        ["CP5"] = (-0.72, -0.30), ["CP1"] = (-0.25, -0.28), ["CP2"] = (0.25, -0.28), ["CP6"] = (0.72, -0.30),
        ["P7"] = (-0.81, -0.59), ["P3"] = (-0.45, -0.58), ["Pz"] = (0, -0.55), ["P4"] = (0.45, -0.58), ["P8"] = (0.81, -0.59),
        ["PO3"] = (-0.34, -0.78), ["PO4"] = (0.34, -0.78),
        ["O1"] = (-0.31, -0.95), ["Oz"] = (0, -1), ["O2"] = (0.31, -0.95),
    };

    /// <summary>The electrode's position on the unit disc.</summary>
    public static (double X, double Y) Position(string electrode) => Positions[electrode];

    /// <summary>The electrode's index in Geneva order (<see cref="DeapChannels.Eeg"/>).</summary>
    public static int GenevaIndex(string electrode)
    {
        for (int c = 0; c < DeapChannels.Eeg.Count; c++)
            if (string.Equals(DeapChannels.Eeg[c], electrode, StringComparison.OrdinalIgnoreCase)) return c;
        throw new ArgumentException($"'{electrode}' is not one of DEAP's EEG channels.", nameof(electrode));
    }

    /// <summary>The position of each EEG channel in Geneva order (<see cref="DeapChannels.Eeg"/>).</summary>
    public static IReadOnlyList<(double X, double Y)> Geneva { get; } = DeapChannels.Eeg.Select(Position).ToArray();

    /// <summary>
    /// A rhythm's power at the electrode relative to its nominal level, in dB: alpha strongest over occipital and
    /// parietal sites (+5 dB at the back, −3 dB at the front), theta over the frontal midline, beta over the central strip,
    /// gamma flat.
    /// </summary>
    public static double TopographyDb(EegBand band, (double X, double Y) p) => band switch
    {
        EegBand.Theta => 2 * p.Y - 2 * Math.Abs(p.X),
        EegBand.Alpha => p.Y < 0 ? -5 * p.Y : -3 * p.Y,
        EegBand.Beta => 2 * (1 - Math.Abs(p.Y)) - 1,
        _ => 0,
    };

    /// <summary>
    /// Where the frontal alpha asymmetry acts: +1 over right frontal sites, −1 over left, fading to 0 from the frontal
    /// row (F3/F4, y ≈ 0.6) to the fronto-central row, and 0 on the midline.
    /// </summary>
    public static double FrontalSide((double X, double Y) p) =>
        Math.Sign(p.X) * Math.Clamp((p.Y - 0.15) / 0.45, 0, 1);

    /// <summary>The fraction of the vertical EOG (blinks) that reaches the electrode: 0.6 at Fp1/Fp2, falling by e every 0.35 towards the back.</summary>
    public static double VerticalEogWeight((double X, double Y) p) => 0.6 * Math.Exp(-(0.95 - p.Y) / 0.35);

    /// <summary>The fraction of the horizontal EOG that reaches the electrode: positive on the left (hEOG = left − right eye), about 0.2 at F7/F8.</summary>
    public static double HorizontalEogWeight((double X, double Y) p) => -0.6 * p.X * Math.Exp(-(0.95 - p.Y) / 0.45);

    /// <summary>How strongly a muscle reaches the electrode (1 at the muscle, Gaussian fall-off).</summary>
    public static double MuscleWeight(ScalpMuscle muscle, (double X, double Y) p) => muscle switch
    {
        ScalpMuscle.LeftTemporalis => Math.Exp(-((p.X + 1) * (p.X + 1) + (p.Y - 0.1) * (p.Y - 0.1)) / 0.25),
        ScalpMuscle.RightTemporalis => Math.Exp(-((p.X - 1) * (p.X - 1) + (p.Y - 0.1) * (p.Y - 0.1)) / 0.25),
        _ => Math.Exp(-((p.Y - 1) * (p.Y - 1) + 0.5 * p.X * p.X) / 0.08),
    };
}
