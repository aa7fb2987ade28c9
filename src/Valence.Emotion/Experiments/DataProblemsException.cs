using Valence.Eeg.Formats;

namespace Valence.Emotion.Experiments;

/// <summary>A data folder's subjects that are missing or unreadable, all named at once, before any long work starts.</summary>
public sealed class DataProblemsException : Exception
{
    /// <summary>Names every problem in one message.</summary>
    public DataProblemsException(string folder, IReadOnlyList<DeapSubjectStatus> problems)
        : base(Describe(folder, problems))
    {
        Folder = folder;
        Problems = problems;
    }

    /// <summary>The folder looked at.</summary>
    public string Folder { get; }

    /// <summary>The subjects that cannot be used, each with its problem.</summary>
    public IReadOnlyList<DeapSubjectStatus> Problems { get; }

    private static string Describe(string folder, IReadOnlyList<DeapSubjectStatus> problems) =>
        $"{folder}: {problems.Count} subject{(problems.Count == 1 ? "" : "s")} cannot be used: "
        + string.Join("; ", problems.Select(p => $"s{p.Subject:D2} {p.Problem} ({Path.GetFileName(p.Path)})"))
        + ". Fix or remove them, or choose the subjects to use.";
}
