namespace Valence.Eeg.Formats.Mat;

/// <summary>How <see cref="DeapMatWriter"/> writes an sNN.mat file.</summary>
public sealed record DeapMatWriteOptions
{
    /// <summary>The class of <c>data</c>: <see cref="MatArrayClass.Double"/> (as DEAP's files) or <see cref="MatArrayClass.Single"/> (half the size, and exact for float32 recordings). <c>labels</c> is always double.</summary>
    public MatArrayClass DataClass { get; init; } = MatArrayClass.Double;

    /// <summary>Whether each variable is zlib-compressed (MATLAB -v7) rather than stored plain (-v6).</summary>
    public bool Compress { get; init; }
}
