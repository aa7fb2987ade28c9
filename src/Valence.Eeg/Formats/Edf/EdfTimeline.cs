namespace Valence.Eeg.Formats.Edf;

/// <summary>When each data record of a file starts, and the file's annotations.</summary>
/// <remarks>
/// In EDF+ and BDF+ each record's start comes from its time-keeping annotation (the first, empty annotation of the
/// first annotation signal); EDF+C records must follow each other without gaps, EDF+D records only in order. In
/// plain EDF and BDF, record r starts at r × the record duration and there are no annotations.
/// </remarks>
public sealed class EdfTimeline
{
    internal EdfTimeline(double[] recordStartSeconds, IReadOnlyList<EdfAnnotation> annotations)
    {
        RecordStartSeconds = recordStartSeconds;
        Annotations = annotations;
    }

    /// <summary>Each data record's start, in seconds after the file's start time.</summary>
    public IReadOnlyList<double> RecordStartSeconds { get; }

    /// <summary>The annotations in file order (record by record, then as written), time-keeping entries left out.</summary>
    public IReadOnlyList<EdfAnnotation> Annotations { get; }
}
