using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing;

/// <summary>Builds a step's output recording from its input: new samples and description, the same subject and ratings, the step appended to the provenance.</summary>
internal static class RecordingDerivation
{
    public static SubjectRecording Derive(this SubjectRecording input, IPreprocessingStep step, float[] samples) =>
        new(input.Subject, samples, input.TrialCount, step.Output.ChannelNames, step.Output.SampleRate, input.Ratings,
            step.Output.BaselineSeconds, $"{input.Source} | {step.Name}");
}
