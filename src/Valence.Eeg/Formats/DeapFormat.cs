namespace Valence.Eeg.Formats;

/// <summary>The forms in which DEAP is distributed.</summary>
public enum DeapFormat
{
    /// <summary>Preprocessed, Python: <c>sNN.dat</c> pickles (data_preprocessed_python).</summary>
    PreprocessedPython,

    /// <summary>Preprocessed, MATLAB: <c>sNN.mat</c> files (data_preprocessed_matlab).</summary>
    PreprocessedMatlab,

    /// <summary>Raw BioSemi recordings: <c>sNN.bdf</c> with <c>participant_ratings.csv</c>.</summary>
    Raw,
}
