namespace Valence.Eeg.Datasets;

/// <summary>One window: a reference into a trial, never a copy of its signal.</summary>
/// <param name="Trial">Index of the trial in the <see cref="TrialSet"/>.</param>
/// <param name="Offset">First sample of the window within the trial (counted from the start of the trial, baseline included).</param>
/// <param name="Length">Samples in the window.</param>
public readonly record struct Window(int Trial, int Offset, int Length);
