namespace Valence.Eeg.Formats.Edf;

/// <summary>One EDF+/BDF+ annotation: a text with an onset and an optional duration.</summary>
/// <param name="OnsetSeconds">Seconds after the file's start time (may be negative: before the recording started).</param>
/// <param name="DurationSeconds">How long the annotated event lasted, in seconds, or null when the file does not say.</param>
/// <param name="Text">The annotation text (UTF-8 in the file).</param>
public readonly record struct EdfAnnotation(double OnsetSeconds, double? DurationSeconds, string Text);
