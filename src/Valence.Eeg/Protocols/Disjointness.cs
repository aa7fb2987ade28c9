namespace Valence.Eeg.Protocols;

/// <summary>What a split guarantees no two sides share.</summary>
public enum Disjointness
{
    /// <summary>No window is on two sides, but a trial's windows may be: leaky, neighbouring windows are near copies.</summary>
    Window,

    /// <summary>No trial has windows on two sides.</summary>
    Trial,

    /// <summary>No test subject has a trial in training or validation (and training and validation share no trial).</summary>
    Subject,
}
