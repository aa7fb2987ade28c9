namespace Valence.Emotion.Evaluation;

/// <summary>One class's scores, one-vs-rest. A ratio whose denominator is 0 is 0 (scikit-learn's zero_division=0).</summary>
/// <param name="Name">The class's name (for example "HVHA").</param>
/// <param name="Precision">tp / (tp + fp): of the items predicted as this class, the share that are; 0 if none was predicted.</param>
/// <param name="Recall">tp / (tp + fn): of the items of this class, the share found; 0 if the class has no items.</param>
/// <param name="F1">2·tp / (2·tp + fp + fn), the harmonic mean of precision and recall; 0 if tp = 0.</param>
/// <param name="Support">Items whose true class this is.</param>
/// <param name="Predicted">Items predicted as this class.</param>
public sealed record ClassMetrics(string Name, double Precision, double Recall, double F1, long Support, long Predicted);
