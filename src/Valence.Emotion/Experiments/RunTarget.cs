namespace Valence.Emotion.Experiments;

/// <summary>Where a run's folder goes and what to do when it exists.</summary>
/// <param name="RunsDirectory">The folder that holds run folders (usually <c>runs</c>).</param>
/// <param name="Name">The run's name, its folder's name: letters, digits, '-', '_' and '.'.</param>
/// <param name="Resume">Continue an interrupted run in that folder from its checkpoints (the settings must be the same).</param>
/// <param name="Overwrite">Replace a run already in that folder.</param>
public sealed record RunTarget(string RunsDirectory, string Name, bool Resume = false, bool Overwrite = false)
{
    /// <summary>The run's folder.</summary>
    public string Folder => Path.Combine(RunsDirectory, Name);
}
