using Valence.Eeg.Recordings;
using Valence.IO;

namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// Writes a recording as DEAP's preprocessed MATLAB file: <c>data</c> trials × channels × samples and <c>labels</c>
/// trials × 4 (valence, arousal, dominance, liking), in MAT Level 5 that MATLAB and scipy.io.loadmat read.
/// </summary>
/// <remarks>
/// The format has no place for the sample rate, the baseline or the channel names: the recording must be at DEAP's
/// 128 Hz with its 3 s baseline, and a reader gets the names back only where DEAP's channel counts imply them
/// (see <see cref="DeapMatReader"/>).
/// </remarks>
public static class DeapMatWriter
{
    /// <summary>Writes <paramref name="recording"/> to <paramref name="path"/> atomically (a temporary file beside it, then a rename).</summary>
    /// <exception cref="ArgumentException">The recording is not at 128 Hz with a 3 s baseline, or the options name a class other than double or single.</exception>
    public static void Write(string path, SubjectRecording recording, DeapMatWriteOptions? options = null)
    {
        CheckRecording(recording);
        AtomicFile.Write(path, stream => Write(stream, recording, options));
    }

    /// <summary>Writes <paramref name="recording"/> to <paramref name="stream"/> (seekable if compressing).</summary>
    /// <exception cref="ArgumentException">The recording is not at 128 Hz with a 3 s baseline, or the options name a class other than double or single.</exception>
    public static void Write(Stream stream, SubjectRecording recording, DeapMatWriteOptions? options = null)
    {
        CheckRecording(recording);
        options ??= new DeapMatWriteOptions();
        var writer = new MatFileWriter(stream, options.Compress);
        writer.Write("data", [recording.TrialCount, recording.ChannelCount, recording.SamplesPerTrial], recording.Samples, options.DataClass);
        writer.Write("labels", [recording.TrialCount, 4], Labels(recording), MatArrayClass.Double);
    }

    private static void CheckRecording(SubjectRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (recording.SampleRate != DeapChannels.PreprocessedSampleRate || recording.BaselineSeconds != DeapChannels.BaselineSeconds)
            throw new ArgumentException(
                $"{recording}: a DEAP .mat file carries no sample rate or baseline, so it must be {DeapChannels.PreprocessedSampleRate} Hz with a " +
                $"{DeapChannels.BaselineSeconds} s baseline, not {recording.SampleRate} Hz with {recording.BaselineSeconds} s; resample or re-cut it first.",
                nameof(recording));
    }

    /// <summary>Trials × (valence, arousal, dominance, liking), row-major.</summary>
    private static double[] Labels(SubjectRecording recording)
    {
        var labels = new double[recording.TrialCount * 4];
        for (int trial = 0; trial < recording.TrialCount; trial++)
        {
            Ratings r = recording.Ratings[trial];
            int row = trial * 4;
            (labels[row], labels[row + 1], labels[row + 2], labels[row + 3]) = (r.Valence, r.Arousal, r.Dominance, r.Liking);
        }
        return labels;
    }
}
