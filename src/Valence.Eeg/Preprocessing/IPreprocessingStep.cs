using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// One preprocessing step, built and validated for one kind of input (a <see cref="SignalDescription"/>): it turns a
/// recording into a new one and leaves its input untouched. Steps compose: each one's <see cref="Output"/> is the
/// next one's input.
/// </summary>
public interface IPreprocessingStep
{
    /// <summary>What the step does, as provenance records it (e.g. "band-pass 4–45 Hz, Butterworth order 4, zero-phase").</summary>
    string Name { get; }

    /// <summary>The input the step was built for.</summary>
    SignalDescription Input { get; }

    /// <summary>What the step's output looks like.</summary>
    SignalDescription Output { get; }

    /// <summary>Returns the processed recording, with sample rate, channel names, baseline and provenance updated.</summary>
    /// <exception cref="ArgumentException"><paramref name="recording"/> does not match <see cref="Input"/>.</exception>
    SubjectRecording Apply(SubjectRecording recording);
}
