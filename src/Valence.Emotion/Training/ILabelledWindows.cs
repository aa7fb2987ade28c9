namespace Valence.Emotion.Training;

/// <summary>
/// What training and evaluation need of a data set: a number of labelled windows of equal shape that can be
/// copied, a batch at a time, into a caller's buffer. Valence.Eeg's window sets provide it; tests provide small ones.
/// </summary>
public interface ILabelledWindows
{
    /// <summary>Number of windows.</summary>
    int Count { get; }

    /// <summary>Channels of each window.</summary>
    int Channels { get; }

    /// <summary>Samples of each window.</summary>
    int Samples { get; }

    /// <summary>Number of classes; labels lie in [0, ClassCount).</summary>
    int ClassCount { get; }

    /// <summary>The class of window <paramref name="index"/>.</summary>
    int Label(int index);

    /// <summary>
    /// Copies the windows <paramref name="indices"/> into <paramref name="destination"/> as
    /// [indices.Length, Channels, Samples], row-major, normalised as the data set defines.
    /// </summary>
    void CopyBatch(ReadOnlySpan<int> indices, Span<float> destination);
}
