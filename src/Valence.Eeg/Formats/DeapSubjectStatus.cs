namespace Valence.Eeg.Formats;

/// <summary>What a quick look at one subject's file found, before any long run starts.</summary>
/// <param name="Subject">Participant number (1-based).</param>
/// <param name="Path">The subject's file, or where it was expected.</param>
/// <param name="Problem">Null when the file looks readable; otherwise why it is not (missing, empty, wrong magic…).</param>
public sealed record DeapSubjectStatus(int Subject, string Path, string? Problem)
{
    /// <summary>Whether the file looked readable.</summary>
    public bool IsReadable => Problem is null;
}
