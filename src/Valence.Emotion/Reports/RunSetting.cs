namespace Valence.Emotion.Reports;

/// <summary>One setting of a run (model, data, training), as name and text, in the order the run lists them.</summary>
/// <param name="Name">What is set ("epochs", "window", "seed", …).</param>
/// <param name="Value">Its value as text.</param>
public sealed record RunSetting(string Name, string Value);
