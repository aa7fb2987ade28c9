namespace Valence.Eeg.Formats.Pickle;

/// <summary>The numpy dtype of the <c>data</c> array in a written DEAP <c>.dat</c> file.</summary>
public enum DeapDataPrecision
{
    /// <summary>float64 (<c>&lt;f8</c>), as DEAP's own files hold the data.</summary>
    Float64,

    /// <summary>float32 (<c>&lt;f4</c>): half the size, and exactly the recording's samples.</summary>
    Float32,
}
