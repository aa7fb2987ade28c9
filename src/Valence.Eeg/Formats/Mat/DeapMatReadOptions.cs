namespace Valence.Eeg.Formats.Mat;

/// <summary>What <see cref="DeapMatReader"/> cannot learn from an sNN.mat file itself.</summary>
public sealed record DeapMatReadOptions
{
    /// <summary>The participant number; when null it is taken from a file name like "s07.mat".</summary>
    public int? Subject { get; init; }

    /// <summary>
    /// Names for the channels, in file order. When null: DEAP's 40 preprocessed channels for 40, its 32 EEG
    /// channels for 32, and "Ch1" … "ChN" otherwise.
    /// </summary>
    public IReadOnlyList<string>? ChannelNames { get; init; }
}
