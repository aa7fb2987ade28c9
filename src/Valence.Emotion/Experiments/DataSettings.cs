using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Deap;

namespace Valence.Emotion.Experiments;

/// <summary>
/// Where an experiment's recordings come from: a DEAP folder in any of its forms (<see cref="DeapFolder"/>), or
/// synthetic data generated in memory. Exactly one of <see cref="Folder"/> and <see cref="Synthetic"/> is set.
/// </summary>
public sealed record DataSettings
{
    /// <summary>A DEAP folder (or one subject's file), in any form; the form is detected unless <see cref="Format"/> says.</summary>
    public string? Folder { get; init; }

    /// <summary>The form to read when the folder holds several; null to detect it.</summary>
    public DeapFormat? Format { get; init; }

    /// <summary>The subjects to use; null or empty for every subject found.</summary>
    public IReadOnlyList<int>? Subjects { get; init; }

    /// <summary>How raw recordings are cut into trials (default DEAP's: 40 trials of 60 s after a 3 s baseline); unused for the preprocessed forms.</summary>
    public DeapRawOptions RawTrials { get; init => field = value ?? throw new ArgumentNullException(nameof(RawTrials)); } = new();

    /// <summary>Synthetic data instead of a folder.</summary>
    public SyntheticDataSettings? Synthetic { get; init; }

    /// <summary>A folder for preprocessed recordings (<see cref="Valence.Eeg.Datasets.PreprocessedCache"/>), so preprocessing runs once per input and settings; null for none.</summary>
    public string? CacheFolder { get; init; }

    /// <summary>Checks the settings alone (the folder's content is checked when it is opened).</summary>
    /// <exception cref="ArgumentException">Neither or both of a folder and synthetic data, or a subject number below 1 or repeated.</exception>
    public void Validate()
    {
        if ((Folder is null) == (Synthetic is null))
            throw new ArgumentException(Folder is null
                ? "data: give a DEAP folder (data.folder) or synthetic data (data.synthetic)."
                : "data: give either a DEAP folder (data.folder) or synthetic data (data.synthetic), not both.");
        if (Folder is not null && string.IsNullOrWhiteSpace(Folder))
            throw new ArgumentException("data.folder is empty; give the path of a DEAP folder.");
        if (Subjects is { } subjects)
        {
            foreach (int subject in subjects)
                if (subject < 1)
                    throw new ArgumentOutOfRangeException(nameof(Subjects), subject, $"data.subjects holds {subject}; subjects are numbered from 1.");
            if (subjects.Distinct().Count() != subjects.Count)
                throw new ArgumentException($"data.subjects repeats a subject ({string.Join(", ", subjects)}); name each once.");
        }
        Synthetic?.ToOptions();
        RawTrials.Validate();
        if (Synthetic is not null && Subjects is { Count: > 0 } chosen && chosen.Max() > Synthetic.Subjects)
            throw new ArgumentException($"data.subjects names subject {chosen.Max()}, but data.synthetic generates only {Synthetic.Subjects}.");
    }
}
