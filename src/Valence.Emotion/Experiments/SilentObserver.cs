namespace Valence.Emotion.Experiments;

/// <summary>An observer that shows nothing.</summary>
public sealed class SilentObserver : IExperimentObserver
{
    /// <summary>The one instance.</summary>
    public static SilentObserver Instance { get; } = new();
}
