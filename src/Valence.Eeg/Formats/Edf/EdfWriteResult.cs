namespace Valence.Eeg.Formats.Edf;

/// <summary>What <see cref="EdfWriter"/> did to the values: how many samples of each signal it clipped to the digital range.</summary>
public sealed class EdfWriteResult
{
    internal EdfWriteResult(long[] clippedSamples) => ClippedSamples = clippedSamples;

    /// <summary>Per signal, in the order given: samples that fell outside the digital range and were written as its nearest end.</summary>
    public IReadOnlyList<long> ClippedSamples { get; }

    /// <summary>All clipped samples together.</summary>
    public long TotalClippedSamples => ClippedSamples.Sum();
}
