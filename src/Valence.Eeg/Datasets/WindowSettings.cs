namespace Valence.Eeg.Datasets;

/// <summary>How trials are cut into windows.</summary>
/// <param name="Length">Length of each window.</param>
/// <param name="Stride">Distance between the starts of consecutive windows; a stride shorter than the length gives
/// overlapping windows, a longer one leaves gaps.</param>
/// <param name="IncludeBaseline">Whether windows may start in the pre-trial baseline. Off by default: the baseline
/// is not part of the stimulus and carries no label.</param>
public sealed record WindowSettings(SignalDuration Length, SignalDuration Stride, bool IncludeBaseline = false)
{
    /// <summary>The paper's windows: 2 s long, a new one every 1 s (so 59 from a 60 s trial).</summary>
    public static WindowSettings Paper { get; } = new(SignalDuration.FromSeconds(2), SignalDuration.FromSeconds(1));

    /// <summary>A stable text form, for manifests and hashes.</summary>
    public string Canonical => $"length={Length};stride={Stride};baseline={(IncludeBaseline ? "included" : "excluded")}";
}
