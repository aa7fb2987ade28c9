namespace Valence.Emotion.Inspection;

/// <summary>What <see cref="FileInspector"/> found: what the thing is, and its properties in the order to show them.</summary>
/// <param name="Path">The file or folder inspected.</param>
/// <param name="Kind">What it is, for example "DEAP preprocessed subject (Python pickle)".</param>
/// <param name="Fields">Name and value of each property (format, shape, channels, sample rate, ratings…).</param>
public sealed record Inspection(string Path, string Kind, IReadOnlyList<InspectionField> Fields);

/// <summary>One property of an inspected file.</summary>
/// <param name="Name">What it is ("shape", "sample rate", …).</param>
/// <param name="Value">Its value as text.</param>
public sealed record InspectionField(string Name, string Value);
