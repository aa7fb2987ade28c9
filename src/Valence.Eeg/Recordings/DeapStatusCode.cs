namespace Valence.Eeg.Recordings;

/// <summary>The trigger codes in the low 16 bits of a DEAP raw recording's Status channel.</summary>
public enum DeapStatusCode
{
    /// <summary>No screen marked.</summary>
    None = 0,
    /// <summary>First occurrence: start of the experiment; second: the 2-minute baseline recording; later: a rating screen.</summary>
    StartBaselineOrRating = 1,
    /// <summary>Video synchronisation screen (1 s): before the first trial, before and after the break, after the last trial.</summary>
    VideoSync = 2,
    /// <summary>Fixation cross before a video (5 s).</summary>
    FixationBeforeVideo = 3,
    /// <summary>Music video playback (60 s).</summary>
    Video = 4,
    /// <summary>Fixation cross after a video (3 s).</summary>
    FixationAfterVideo = 5,
    /// <summary>End of the experiment.</summary>
    End = 7,
}
